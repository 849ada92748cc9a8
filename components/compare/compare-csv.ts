/**
 * The comparison table as CSV (built on the server, downloaded by a client button): one line per
 * benchmark × configuration, raw numbers at full precision (shares in [0, 1]), empty fields for
 * missing values, the reference named on every line and `synthetic` last. Same CSV rules as the
 * leaderboard export (RFC 4180, formula guard on text).
 */
import { csvField, type ExportValue } from "@/components/leaderboard/export";
import type { CompareView } from "@/lib/queries/compare-types";

export const COMPARE_CSV_FIELDS = [
  "board",
  "benchmark",
  "benchmark_name",
  "config",
  "display_name",
  "reference",
  "is_reference",
  "score",
  "score_lo",
  "score_hi",
  "n_answered",
  "paired_delta_vs_reference",
  "paired_delta_lo",
  "paired_delta_hi",
  "test",
  "p",
  "p_holm",
  "n_shared",
  "only_config",
  "only_reference",
  "discordant_config_right",
  "discordant_reference_right",
  "synthetic",
] as const;

export function toCompareCsv(view: Pick<CompareView, "board" | "configs" | "ref" | "synthetic" | "comparison">): string {
  const lines = [COMPARE_CSV_FIELDS.map((f) => csvField(f)).join(",")];
  const names = new Map(view.configs.map((c) => [c.config, c.displayName]));
  for (const b of view.comparison?.benchmarks ?? []) {
    for (const c of b.cells) {
      const t = c.vsRef;
      const record: Record<(typeof COMPARE_CSV_FIELDS)[number], ExportValue> = {
        board: view.board,
        benchmark: b.slug,
        benchmark_name: b.name,
        config: c.config,
        display_name: names.get(c.config) ?? c.config,
        reference: view.ref,
        is_reference: c.config === view.ref,
        score: c.score?.score ?? null,
        score_lo: c.score?.ci?.lo ?? null,
        score_hi: c.score?.ci?.hi ?? null,
        n_answered: c.score?.nAnswered ?? null,
        paired_delta_vs_reference: t?.diff ?? null,
        paired_delta_lo: t?.ci?.lo ?? null,
        paired_delta_hi: t?.ci?.hi ?? null,
        test: t?.method ?? null,
        p: t?.p ?? null,
        p_holm: t?.pHolm ?? null,
        n_shared: t?.nShared ?? null,
        only_config: t?.onlyConfig ?? null,
        only_reference: t?.onlyRef ?? null,
        discordant_config_right: t?.discordant?.config ?? null,
        discordant_reference_right: t?.discordant?.ref ?? null,
        synthetic: view.synthetic,
      };
      lines.push(COMPARE_CSV_FIELDS.map((f) => csvField(record[f])).join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** e.g. `medmarks-v-compare-3f9a1c2e0b7d.csv` (demo data says so in the name). */
export function compareCsvFilename(view: Pick<CompareView, "board" | "snapshot" | "synthetic">): string {
  const snap = view.snapshot.id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 12) || "snapshot";
  return `medmarks-${view.board.toLowerCase()}-compare-${snap}${view.synthetic ? "-synthetic-demo" : ""}.csv`;
}
