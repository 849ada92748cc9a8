import type { RawClient } from "../db/raw";
import { DEFAULT_LEADERBOARD_SETTINGS } from "../queries/leaderboard-types";
import { getBoardData } from "./compute";

/** After an ingest or at start: make the current snapshot and compute both boards' default results. */
export async function refreshBoards(raw: RawClient, log: (m: string) => void = () => {}): Promise<void> {
  for (const board of ["V", "OE"] as const) {
    const t0 = Date.now();
    const data = await getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS);
    log(`board ${board}: snapshot ${data.snapshot.id}, ${data.result.configs.length} configurations, ${data.result.datasets.length} datasets (${Date.now() - t0} ms)`);
  }
}
