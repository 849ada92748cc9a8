import { describe, expect, it } from "vitest";

import { compactBoard, expandRows } from "./compact";
import { buildFixtureLeaderboardView } from "./fixture";

describe("compact leaderboard rows", () => {
  it("round-trips every row exactly (cells, datasets, n, intervals, missing cells)", () => {
    const view = buildFixtureLeaderboardView();
    expect(view.rows.some((r) => Object.values(r.benchmarks).some((c) => c === null))).toBe(true);
    expect(expandRows(compactBoard(view))).toEqual(view.rows);
  });

  it("writes a one-dataset cell without its dataset part only when the dataset says the same as the cell", () => {
    const view = buildFixtureLeaderboardView();
    const i = view.benchmarks.findIndex((b) => b.datasets.length === 1);
    const b = view.benchmarks[i];
    const row = view.rows.find((r) => r.benchmarks[b.slug])!;
    const cell = row.benchmarks[b.slug]!;
    row.benchmarks[b.slug] = { ...cell, datasets: [{ ...cell.datasets[0], score: cell.score, n: cell.n }] };
    const other = view.rows.find((r) => r !== row && r.benchmarks[b.slug])!;
    const o = other.benchmarks[b.slug]!;
    other.benchmarks[b.slug] = { ...o, datasets: [{ ...o.datasets[0], score: o.score, n: o.n + 1 }] };
    const compact = compactBoard(view);
    expect(compact.rows[view.rows.indexOf(row)].cells[i]).toHaveLength(4);
    expect(compact.rows[view.rows.indexOf(other)].cells[i]).toHaveLength(6);
    expect(expandRows(compact)).toEqual(view.rows);
  });

  it("keeps a row's synthetic flag only where it differs from the board's", () => {
    const view = buildFixtureLeaderboardView();
    view.rows[1] = { ...view.rows[1], synthetic: false };
    const compact = compactBoard(view);
    expect("synthetic" in compact.rows[0]).toBe(false);
    expect(compact.rows[1].synthetic).toBe(false);
    expect(expandRows(compact)).toEqual(view.rows);
  });

  it("drops dataset keys and labels and the dropped list, and is smaller as JSON", () => {
    const view = buildFixtureLeaderboardView();
    const compact = compactBoard(view);
    expect("dropped" in compact).toBe(false);
    const json = JSON.stringify(compact.rows);
    expect(json).not.toContain('"label"');
    expect(json.length).toBeLessThan(JSON.stringify(view.rows).length * 0.8);
  });
});
