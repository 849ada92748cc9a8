/**
 * The methodology page's facts about one snapshot: the default scoring settings its boards were
 * computed with, read from the stored default board results (never computed here). A board
 * without a stored result says so; the page then shows the code's defaults, labelled as such.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { settingsKey } from "../boards/compute";
import type { SnapshotInfo } from "../boards/snapshot";
import { currentSnapshot } from "../boards/snapshot-context";
import { BOOTSTRAP_METHOD } from "../scoring/score";
import { DEFAULT_SETTINGS, type ScoringSettings } from "../scoring/types";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";

export interface MethodologyBoard {
  board: Board;
  /** A default board result of this snapshot is stored. */
  stored: boolean;
  /** The settings applied (stored), else the code's defaults. */
  settings: ScoringSettings;
  bootstrap: { replicates: number; seed: number; method: string } | null;
  computedAt: string | null;
  nConfigs: number | null;
  nDatasets: number | null;
  nDropped: number | null;
  synthetic: boolean | null;
}

export interface MethodologyFacts {
  snapshot: SnapshotInfo;
  boards: MethodologyBoard[];
}

const parseJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/** The current (or pinned, see withSnapshot) snapshot's default settings per board. */
export async function getMethodologyFacts(rawArg?: RawClient): Promise<MethodologyFacts> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const snapshot = await currentSnapshot(raw);
  const rows = await raw.query<{
    board: Board;
    settings: unknown;
    bootstrap: unknown;
    computed_at: string;
    n_configs: number | null;
    n_datasets: number | null;
    n_dropped: number | null;
    synthetic: boolean | null;
  }>(
    `select board, result->'settings' as settings, result->'bootstrap' as bootstrap, computed_at::text,
            jsonb_array_length(result->'configs') as n_configs, jsonb_array_length(result->'datasets') as n_datasets,
            jsonb_array_length(result->'dropped') as n_dropped, (result->>'synthetic')::boolean as synthetic
     from board_results where snapshot_id = $1 and settings_key = $2`,
    [snapshot.id, settingsKey(DEFAULT_LEADERBOARD_SETTINGS)],
  );
  const boards = (["V", "OE"] as const).map((board): MethodologyBoard => {
    const r = rows.find((x) => x.board === board);
    if (!r) {
      return {
        board,
        stored: false,
        settings: DEFAULT_SETTINGS,
        bootstrap: DEFAULT_SETTINGS.bootstrap ? { ...DEFAULT_SETTINGS.bootstrap, method: BOOTSTRAP_METHOD } : null,
        computedAt: null,
        nConfigs: null,
        nDatasets: null,
        nDropped: null,
        synthetic: null,
      };
    }
    return {
      board,
      stored: true,
      settings: { ...DEFAULT_SETTINGS, ...parseJson<Partial<ScoringSettings>>(r.settings) },
      bootstrap: parseJson<MethodologyBoard["bootstrap"]>(r.bootstrap) ?? null,
      computedAt: new Date(r.computed_at).toISOString(),
      nConfigs: r.n_configs === null ? null : Number(r.n_configs),
      nDatasets: r.n_datasets === null ? null : Number(r.n_datasets),
      nDropped: r.n_dropped === null ? null : Number(r.n_dropped),
      synthetic: r.synthetic,
    };
  });
  return { snapshot, boards };
}
