/** How an ingest is reported: the `--json` summary and the progress line. */
import type { IngestProgress, IngestReport } from "./load";

export interface JsonRun {
  path: string;
  format: string;
  config: string | null;
  benchmark: string | null;
  dataset: string | null;
  status: "loaded" | "already" | "superseded" | "rejected" | "valid";
  rows: number;
  expected_rows: number | null;
  mean_reward: number | null;
  errors: { file: string; line: number | null; field: string | null; message: string }[];
}

export interface JsonSummary {
  loaded: number;
  already: number;
  rejected: number;
  runs: JsonRun[];
}

export function toJsonSummary(report: IngestReport): JsonSummary {
  const runs: JsonRun[] = report.runs.map((r) => ({
    path: r.dir,
    format: r.format,
    config: r.config,
    benchmark: r.benchmark,
    dataset: r.dataset,
    status:
      r.outcome === "rejected" ? "rejected" : r.outcome === "duplicate" ? "already" : r.outcome === "valid" ? "valid" : r.status === "superseded" ? "superseded" : "loaded",
    rows: r.observedRows,
    expected_rows: r.expectedRows,
    mean_reward: r.meanReward,
    errors: r.errors,
  }));
  return {
    loaded: runs.filter((r) => r.status === "loaded" || r.status === "superseded" || r.status === "valid").length,
    already: runs.filter((r) => r.status === "already").length,
    rejected: runs.filter((r) => r.status === "rejected").length,
    runs,
  };
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
}

/** `[#####.....] 12/40 runs · 120,000 rows · 15,000 rows/s · 42% · ETA 12s` (ETA from bytes read). */
export function formatProgress(p: IngestProgress, elapsedSeconds: number): string {
  const width = 24;
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : p.runsTotal ? p.runsDone / p.runsTotal : 1;
  const done = Math.round(width * frac);
  const rate = elapsedSeconds > 0 ? p.rows / elapsedSeconds : 0;
  const eta = frac > 0 && frac < 1 ? (elapsedSeconds * (1 - frac)) / frac : 0;
  return (
    `[${"#".repeat(done)}${".".repeat(width - done)}] ${p.runsDone}/${p.runsTotal} runs · ` +
    `${p.rows.toLocaleString("en-US")} rows · ${Math.round(rate).toLocaleString("en-US")} rows/s · ` +
    `${Math.round(frac * 100)}%${frac < 1 ? ` · ETA ${duration(eta)}` : ""}`
  );
}
