/**
 * The methodology page's worked examples: the spec's test vectors (§3) and the METHODS.md
 * examples, computed at render time by the same lib/scoring code the boards use, so the page
 * never states a number the code does not produce.
 */
import { buildBoardInput, holm, mcnemarExact, scoreBoard, type BoardResult, type RewardRow } from "@/lib/scoring";

/** Rows for one config on one dataset: q1, q2, … (null = a rollout without a reward). */
function rowsOf(config: string, key: string, rewards: (number | null)[]): RewardRow[] {
  return rewards.map((reward, i) => ({ config, separateKey: key, foldedKey: key, benchmark: key.split("::")[0], exampleId: `q${i + 1}`, reward }));
}

/** The spec's vector: two datasets of three questions; a ran both, b only the first, c only the second. */
export const SPEC_VECTOR = {
  "dataset_one::base": { a: [1, 0, 0.8], b: [0, 1, 0.6] },
  "dataset_two::base": { a: [0.2, null, 0.5], c: [0.1, 0.3, 0.5] },
} as const satisfies Record<string, Record<string, (number | null)[]>>;

const SPEC_ROWS: RewardRow[] = Object.entries(SPEC_VECTOR).flatMap(([key, byConfig]) =>
  Object.entries(byConfig).flatMap(([config, rewards]) => rowsOf(config, key, [...rewards])),
);

export interface WorkedExample {
  perModel: BoardResult;
  allModels: BoardResult;
  wr: (r: BoardResult, a: string, b: string, dataset: string) => number | undefined;
  epsilon: { wr: number | undefined; wrDefault: number | undefined };
  mcnemar: { b: number; c: number; p: number; midP: number };
  holm: { input: number[]; adjusted: (number | null)[] };
}

export function workedExample(): WorkedExample {
  const input = buildBoardInput(SPEC_ROWS, "separate");
  const perModel = scoreBoard(input, { coverage: "per-model", bootstrap: null });
  const allModels = scoreBoard(input, { bootstrap: null });
  const wr = (r: BoardResult, a: string, b: string, dataset: string) => r.headToHead.find((h) => h.config === a && h.opponent === b)?.perDataset[dataset];

  const eps = buildBoardInput([...rowsOf("a", "e::base", [0.1, 0.3]), ...rowsOf("b", "e::base", [0, 0])], "folded");
  const epsilon = {
    wr: wr(scoreBoard(eps, { epsilon: 0.1, bootstrap: null }), "a", "b", "e::base"),
    wrDefault: wr(scoreBoard(eps, { bootstrap: null }), "a", "b", "e::base"),
  };
  const m = mcnemarExact(1, 9);
  const holmInput = [0.01, 0.04, 0.03, 0.005];
  return { perModel, allModels, wr, epsilon, mcnemar: { b: m.b, c: m.c, p: m.p, midP: m.midP }, holm: { input: holmInput, adjusted: holm(holmInput) } };
}
