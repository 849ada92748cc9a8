import type { CatalogBenchmark } from "./types";

// PLACEHOLDER: replaced by the full catalog of the 30 benchmarks (+ PubHealthBench free-form).
export const benchmarks: CatalogBenchmark[] = [
  {
    slug: "medqa",
    name: "MedQA",
    envIds: ["medqa"],
    split: null,
    subset: "V",
    inThirty: true,
    medmarksT: true,
    taskType: "mcq",
    metric: { key: "accuracy", description: "1 if the chosen option is the gold option, else 0.", scale: "0/1", higherIsBetter: true, decimals: 1 },
    judged: false,
    judgeModels: [],
    inSuiteConfig: true,
    variants: [
      { envId: "medqa", variantId: "base", subtask: "base", orderSeed: null, repeat: 0, envArgs: {}, nQuestions: 1273 },
      { envId: "medqa", variantId: "shuffle_seed-1618", subtask: "base", orderSeed: 1618, repeat: 0, envArgs: { shuffle_answers: true, shuffle_seed: 1618 }, nQuestions: 1273 },
      { envId: "medqa", variantId: "shuffle_seed-9331", subtask: "base", orderSeed: 9331, repeat: 0, envArgs: { shuffle_answers: true, shuffle_seed: 9331 }, nQuestions: 1273 },
    ],
    nQuestions: 1273,
    nTraining: 10178,
    license: "CC-BY-4.0",
    description: "USMLE-style multiple-choice questions.",
    url: null,
    bibtex: null,
    hasOrderVariants: true,
  },
];
