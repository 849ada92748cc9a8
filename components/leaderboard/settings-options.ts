/**
 * The scoring settings in words: option labels and one-line explanations (settings panel), and the
 * one-line description of the ranking figure (page header). Pure data, shared by server and client.
 */
import type { LeaderboardSettings } from "@/lib/queries/leaderboard-types";
import { DEFAULT_CAP } from "./params";

export interface SettingOption<V extends string> {
  value: V;
  label: string;
  hint: string;
}

export interface SettingSpec<K extends keyof Omit<LeaderboardSettings, "cap">> {
  key: K;
  legend: string;
  options: SettingOption<LeaderboardSettings[K]>[];
}

export const WEIGHT_OPTIONS: SettingSpec<"weights"> = {
  key: "weights",
  legend: "Dataset weights",
  options: [
    { value: "ln", label: "ln(n)", hint: "Each dataset weighs ln(questions): larger datasets count more, not proportionally (Medmarks)." },
    { value: "sqrt", label: "√n", hint: "Each dataset weighs √(questions): large datasets count more than under ln." },
    { value: "equal", label: "Equal", hint: "Every dataset counts the same, whatever its size." },
    { value: "cap", label: "Capped n", hint: "Each dataset weighs min(questions, cap): proportional to size up to the cap." },
  ],
};

export const COVERAGE_OPTIONS: SettingSpec<"coverage"> = {
  key: "coverage",
  legend: "Coverage",
  options: [
    { value: "all-models", label: "All models", hint: "Drop datasets some configuration lacks: everyone is compared on the same datasets (Medmarks)." },
    { value: "per-model", label: "Per model", hint: "Average each configuration over the datasets it has: nothing dropped, but sets differ." },
  ],
};

export const ORDER_OPTIONS: SettingSpec<"orders"> = {
  key: "orders",
  legend: "Answer orders",
  options: [
    { value: "folded", label: "Folded", hint: "Shuffled answer orders pool into their dataset as extra rollouts (Medmarks paper)." },
    { value: "separate", label: "Separate", hint: "Each answer order is its own dataset, weighted on its own." },
  ],
};

export const MISSING_OPTIONS: SettingSpec<"missing"> = {
  key: "missing",
  legend: "Missing answers",
  options: [
    { value: "neg-inf", label: "Lose", hint: "A question without a value loses every comparison on it (Medmarks)." },
    { value: "zero", label: "Score 0", hint: "A question without a value counts as reward 0, tying with wrong answers." },
  ],
};

export const DATA_OPTIONS: SettingSpec<"data"> = {
  key: "data",
  legend: "Runs",
  options: [
    { value: "auto", label: "Auto", hint: "Real runs when any are published, otherwise the synthetic demo runs." },
    { value: "real", label: "Real", hint: "Only official and community runs." },
    { value: "official", label: "Official", hint: "Only runs an admin ingested through the CLI." },
    { value: "community", label: "Community", hint: "Only approved community submissions." },
    { value: "demo", label: "Demo", hint: "Only the synthetic demo runs (generated numbers)." },
    { value: "all", label: "All", hint: "Real and synthetic demo runs together." },
  ],
};

export const SETTING_SPECS = [WEIGHT_OPTIONS, COVERAGE_OPTIONS, ORDER_OPTIONS, MISSING_OPTIONS, DATA_OPTIONS] as const;

/** "ln(n_questions)-weighted" etc., for sentences. */
export function weightPhrase(s: Pick<LeaderboardSettings, "weights" | "cap">): string {
  switch (s.weights) {
    case "ln":
      return "ln(n_questions)-weighted";
    case "sqrt":
      return "√n_questions-weighted";
    case "equal":
      return "unweighted (equal-weight)";
    case "cap":
      return `min(n_questions, ${s.cap ?? DEFAULT_CAP})-weighted`;
  }
}

/** A compact summary of the settings, e.g. "ln(n) · all models · folded · lose · auto runs". */
export function settingsSummary(s: LeaderboardSettings): string {
  const label = <K extends keyof Omit<LeaderboardSettings, "cap">>(spec: SettingSpec<K>) =>
    spec.options.find((o) => o.value === s[spec.key])?.label ?? String(s[spec.key]);
  const weights = s.weights === "cap" ? `min(n, ${s.cap ?? DEFAULT_CAP})` : label(WEIGHT_OPTIONS);
  return [
    `${weights} weights`,
    `${label(COVERAGE_OPTIONS).toLowerCase()} coverage`,
    `${label(ORDER_OPTIONS).toLowerCase()} orders`,
    `missing: ${label(MISSING_OPTIONS).toLowerCase()}`,
    `${label(DATA_OPTIONS).toLowerCase()} runs`,
  ].join(" · ");
}
