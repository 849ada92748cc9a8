/**
 * The leaderboard as the page hands it to its client table: the same numbers (full precision, the
 * exports need them) in a smaller shape, because the RSC payload carries it besides the HTML.
 * `compactBoard` (server) drops what the client can derive: per-dataset keys and labels (they are
 * the benchmark's, in its order), the row's `synthetic` flag when it is the view's, the board's
 * `dropped` list (rendered on the server), and keys of `benchmarks` (an array in the view's
 * benchmark order). `expandRows` (client) rebuilds `LeaderboardRow`s exactly. Plain TypeScript.
 */
import type { CellScore, LeaderboardBenchmark, LeaderboardRow, LeaderboardView } from "@/lib/queries/leaderboard-types";

/**
 * A benchmark cell: score, interval, n, then per dataset of the benchmark (in its order) score and n;
 * without the per-dataset part when the benchmark has one dataset and it says the same as the cell.
 */
export type CompactCell =
  | [score: number, lo: number | null, hi: number | null, n: number, dsScore: (number | null)[], dsN: number[]]
  | [score: number, lo: number | null, hi: number | null, n: number];

export type CompactRow = Omit<LeaderboardRow, "benchmarks" | "synthetic"> & {
  /** One per `CompactBoard.benchmarks` entry; null = not run. */
  cells: (CompactCell | null)[];
  /** Only when it differs from the board's `synthetic`. */
  synthetic?: boolean;
};

export type CompactBoard = Omit<LeaderboardView, "rows" | "dropped"> & { rows: CompactRow[] };

function compactCell(cell: CellScore, b: LeaderboardBenchmark): CompactCell {
  const byKey = new Map(cell.datasets.map((d) => [d.key, d]));
  const scores = b.datasets.map((d) => byKey.get(d.key)?.score ?? null);
  const ns = b.datasets.map((d) => byKey.get(d.key)?.n ?? 0);
  const same = b.datasets.length === 1 && cell.datasets.length === 1 && byKey.has(b.datasets[0].key) && Object.is(scores[0], cell.score) && ns[0] === cell.n;
  return same ? [cell.score, cell.lo, cell.hi, cell.n] : [cell.score, cell.lo, cell.hi, cell.n, scores, ns];
}

/** The view → what the client table receives. */
export function compactBoard(view: LeaderboardView): CompactBoard {
  const { rows, dropped: _dropped, ...rest } = view;
  return {
    ...rest,
    rows: rows.map(({ benchmarks, synthetic, ...row }) => ({
      ...row,
      cells: view.benchmarks.map((b) => {
        const cell = benchmarks[b.slug];
        return cell ? compactCell(cell, b) : null;
      }),
      ...(synthetic !== view.synthetic ? { synthetic } : {}),
    })),
  };
}

/** The client side: the board's rows as `LeaderboardRow`s again. */
export function expandRows(board: CompactBoard): LeaderboardRow[] {
  return board.rows.map(({ cells, synthetic, ...row }) => {
    const benchmarks: Record<string, CellScore | null> = {};
    board.benchmarks.forEach((b, i) => {
      const c = cells[i];
      benchmarks[b.slug] = c
        ? {
            score: c[0],
            lo: c[1],
            hi: c[2],
            n: c[3],
            datasets: b.datasets.map((d, j) => ({ key: d.key, label: d.label, score: c.length === 6 ? c[4][j] : c[0], n: c.length === 6 ? c[5][j] : c[3] })),
          }
        : null;
    });
    return { ...row, benchmarks, synthetic: synthetic ?? board.synthetic };
  });
}
