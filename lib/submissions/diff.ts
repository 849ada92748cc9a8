/**
 * What publishing a pending submission would change on the boards: the board is scored again
 * (same scoring code and default settings as the public board, without the bootstrap) over the
 * run set it would have after approval: the published runs, minus those the submission would
 * supersede, plus its runs that would be published. Compared with the current board: new rows,
 * rank and win-rate moves, datasets added or dropped, and whether the boards would switch from
 * the synthetic demo to real data (the `auto` rule).
 */
import { scoringSettings, type Board } from "../boards/compute";
import type { RawTx } from "../db/raw";
import { DEFAULT_LEADERBOARD_SETTINGS } from "../queries/leaderboard-types";
import { buildBoardInput, scoreBoard } from "../scoring";
import type { BoardResult, RewardRow } from "../scoring/types";

export interface ConfigMove {
  config: string;
  before: { rank: number | null; winRate: number | null } | null;
  after: { rank: number | null; winRate: number | null } | null;
  kind: "new" | "removed" | "moved" | "unchanged";
  /** The submission adds runs of this configuration. */
  touched: boolean;
}

export interface BoardDiff {
  board: Board;
  /** The board shows demo runs now / would after approval (`auto` rule). */
  syntheticBefore: boolean;
  syntheticAfter: boolean;
  configsBefore: number;
  configsAfter: number;
  moves: ConfigMove[];
  datasetsAdded: string[];
  datasetsRemoved: string[];
}

export interface SubmissionDiff {
  /** Runs the submission would publish, and the published runs they would supersede. */
  publish: { runId: number; config: string; datasetKey: string; supersedes: number | null }[];
  /** Its runs that would stay superseded (a later run of the identity is published). */
  staySuperseded: { runId: number; config: string; datasetKey: string; by: number }[];
  boards: BoardDiff[];
}

async function loadRewards(raw: RawTx, runIds: number[], board: Board): Promise<{ rows: (RewardRow & { provenance: string })[] }> {
  if (!runIds.length) return { rows: [] };
  const rows = await raw.query<{ config: string; skey: string; fkey: string; benchmark: string; example_id: string; reward: number | null; provenance: string }>(
    `select u.config_slug as config, d.key as skey, d.folded_key as fkey, d.benchmark_slug as benchmark, r.example_id, r.reward, u.provenance
     from runs u join datasets d on d.id = u.dataset_id join benchmarks b on b.slug = d.benchmark_slug join rollouts r on r.run_id = u.id
     where u.id = any($1::int[]) and b.subset = $2`,
    [runIds, board],
  );
  return {
    rows: rows.map((r) => ({
      config: r.config, separateKey: r.skey, foldedKey: r.fkey, benchmark: r.benchmark, exampleId: r.example_id,
      reward: r.reward === null ? null : Number(r.reward), provenance: r.provenance,
    })),
  };
}

/** The `auto` provenance rule of the boards: real runs once any is in the set, else the demo. */
function applyAuto<T extends { provenance: string }>(rows: T[], anyReal: boolean): T[] {
  return rows.filter((r) => (r.provenance === "demo") !== anyReal);
}

function score(rows: RewardRow[]): BoardResult {
  const settings = { ...scoringSettings(DEFAULT_LEADERBOARD_SETTINGS), bootstrap: null };
  return scoreBoard(buildBoardInput(rows, DEFAULT_LEADERBOARD_SETTINGS.orders), settings);
}

export async function getSubmissionDiff(raw: RawTx, submissionId: number): Promise<SubmissionDiff> {
  const pending = await raw.query<{ id: number; config_slug: string; dataset_id: number; key: string; at: number }>(
    `select r.id, r.config_slug, r.dataset_id, d.key, (extract(epoch from coalesce(r.run_at, r.ingested_at)) * 1000)::float8 as at
     from runs r join datasets d on d.id = r.dataset_id where r.submission_id = $1 and r.status = 'pending' order by 5, r.id`,
    [submissionId],
  );
  const published = await raw.query<{ id: number; config_slug: string; dataset_id: number; provenance: string; at: number }>(
    `select id, config_slug, dataset_id, provenance, (extract(epoch from coalesce(run_at, ingested_at)) * 1000)::float8 as at
     from runs where status = 'published'`,
  );
  // Same decision as approveSubmission: the later run of an identity is published.
  const slot = new Map(published.map((p) => [`${p.config_slug}|${p.dataset_id}`, { id: Number(p.id), at: Number(p.at), pending: false }]));
  const publish: SubmissionDiff["publish"] = [];
  const staySuperseded: SubmissionDiff["staySuperseded"] = [];
  for (const r of pending) {
    const key = `${r.config_slug}|${r.dataset_id}`;
    const cur = slot.get(key);
    if (cur && cur.at > Number(r.at)) {
      staySuperseded.push({ runId: Number(r.id), config: r.config_slug, datasetKey: r.key, by: cur.id });
      continue;
    }
    const prior = publish.findIndex((p) => p.runId === cur?.id);
    if (prior >= 0) publish.splice(prior, 1); // an earlier run of this same submission
    publish.push({ runId: Number(r.id), config: r.config_slug, datasetKey: r.key, supersedes: cur && !cur.pending ? cur.id : null });
    slot.set(key, { id: Number(r.id), at: Number(r.at), pending: true });
  }
  const beforeIds = published.map((p) => Number(p.id));
  const afterIds = [...slot.values()].map((s) => s.id);
  const touched = new Set(publish.map((p) => p.config));
  const anyRealBefore = published.some((p) => p.provenance !== "demo");
  const anyRealAfter = anyRealBefore || publish.length > 0; // submissions are community runs

  const boards: BoardDiff[] = [];
  for (const board of ["V", "OE"] as const) {
    const [before, after] = await Promise.all([loadRewards(raw, beforeIds, board), loadRewards(raw, afterIds, board)]);
    const b = score(applyAuto(before.rows, anyRealBefore));
    const a = score(applyAuto(after.rows, anyRealAfter));
    const pos = (r: BoardResult) => new Map(r.configs.map((c) => [c.config, { rank: c.rank, winRate: c.weightedMean }]));
    const pb = pos(b);
    const pa = pos(a);
    const moves: ConfigMove[] = [];
    for (const config of new Set([...pb.keys(), ...pa.keys()])) {
      const x = pb.get(config) ?? null;
      const y = pa.get(config) ?? null;
      const kind: ConfigMove["kind"] = !x ? "new" : !y ? "removed" : x.rank !== y.rank || x.winRate !== y.winRate ? "moved" : "unchanged";
      moves.push({ config, before: x, after: y, kind, touched: touched.has(config) });
    }
    const order = { new: 0, moved: 1, removed: 2, unchanged: 3 };
    moves.sort((m, n) => order[m.kind] - order[n.kind] || (m.after?.rank ?? 1e9) - (n.after?.rank ?? 1e9) || m.config.localeCompare(n.config));
    const kb = new Set(b.datasets.map((d) => d.key));
    const ka = new Set(a.datasets.map((d) => d.key));
    boards.push({
      board,
      syntheticBefore: !anyRealBefore,
      syntheticAfter: !anyRealAfter,
      configsBefore: b.configs.length,
      configsAfter: a.configs.length,
      moves,
      datasetsAdded: [...ka].filter((k) => !kb.has(k)).sort(),
      datasetsRemoved: [...kb].filter((k) => !ka.has(k)).sort(),
    });
  }
  return { publish, staySuperseded, boards };
}
