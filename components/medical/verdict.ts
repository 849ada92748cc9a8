import type { Verdict } from "@/lib/queries/medical";

/** Verdict colours of the medical view (plain hex, so exported figures keep them): ColorBrewer RdBu mid tones and grey. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  better: "#4393c3",
  worse: "#d6604d",
  "not-significant": "#969696",
  untested: "#969696",
};

export const VERDICT_TEXT: Record<Verdict, string> = {
  better: "better",
  worse: "worse",
  "not-significant": "n.s.",
  untested: "untested",
};
