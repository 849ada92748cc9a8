/**
 * Medmarks variant ids (the folder under `runs/evals/<model>/<env>/`), spec §2.
 *
 * A variant id is `__`-separated parts: subtask parts (`task1`, `num_options-4`, `easy`,
 * `version-1.2`, `oracle`), an answer-order part (`shuffle_seed-1618`, also written
 * `env_args.shuffle_seed-1618` by some outputs) and a repeat part (`rollout_1`). `base` is the
 * plain run. Pure: no catalog lookups here.
 */

export interface ParsedVariantId {
  /** The variant with its order and repeat parts removed; `base` when nothing is left. */
  subtask: string;
  /** Answer-order shuffle seed, null for the original order. */
  orderSeed: number | null;
  /** Repeat index (`rollout_2` → 2), 0 for the plain run. */
  repeat: number;
}

const ORDER_PART = /^(?:env_args\.)?shuffle_seed-(\d+)$/;
const REPEAT_PART = /^rollout_(\d+)$/;

export function parseVariantId(variantId: string): ParsedVariantId {
  let orderSeed: number | null = null;
  let repeat = 0;
  const rest: string[] = [];
  for (const part of variantId.trim().split("__")) {
    const order = ORDER_PART.exec(part);
    if (order) {
      orderSeed = Number.parseInt(order[1], 10);
      continue;
    }
    const rep = REPEAT_PART.exec(part);
    if (rep) {
      repeat = Number.parseInt(rep[1], 10);
      continue;
    }
    if (part !== "" && part !== "base") rest.push(part);
  }
  return { subtask: rest.length ? rest.join("__") : "base", orderSeed, repeat };
}
