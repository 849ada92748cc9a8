/**
 * The head-to-head matrix as CSV, built in the browser from the page's numbers. Same conventions
 * as the leaderboard export (components/leaderboard/export.ts): RFC 4180, CRLF, raw full-precision
 * shares in [0, 1] (nothing rounded), empty field for a missing value, a `synthetic` field last.
 *
 * One line per row configuration (rank order): `rank, config, display_name`, then one field per
 * column configuration (header = its slug) holding wr(row vs column), then `synthetic`.
 */
import { csvField } from "@/components/leaderboard/export";
import type { HeadToHeadView } from "@/lib/queries/head-to-head";

export type MatrixMean = "weighted" | "simple";

export function matrixCsv(
  view: Pick<HeadToHeadView, "configs" | "weighted" | "simple" | "synthetic">,
  mean: MatrixMean,
): string {
  const n = view.configs.length;
  const values = mean === "weighted" ? view.weighted : view.simple;
  const lines = [["rank", "config", "display_name", ...view.configs.map((c) => c.config), "synthetic"].map(csvField).join(",")];
  view.configs.forEach((row, i) => {
    const fields = [csvField(row.rank), csvField(row.config), csvField(row.displayName)];
    for (let j = 0; j < n; j++) fields.push(csvField(values[i * n + j]));
    fields.push(csvField(view.synthetic));
    lines.push(fields.join(","));
  });
  return lines.join("\r\n") + "\r\n";
}

/** e.g. `medmarks-v-head-to-head-weighted-3f9a1c2e.csv` (demo data says so in the name). */
export function matrixFilename(view: Pick<HeadToHeadView, "board" | "snapshot" | "synthetic">, mean: MatrixMean): string {
  const snap = view.snapshot.id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 12) || "snapshot";
  return `medmarks-${view.board.toLowerCase()}-head-to-head-${mean}-${snap}${view.synthetic ? "-synthetic-demo" : ""}.csv`;
}
