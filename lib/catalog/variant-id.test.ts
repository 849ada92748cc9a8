import { describe, expect, it } from "vitest";
import { parseVariantId } from "./variant-id";

describe("parseVariantId", () => {
  it.each([
    ["base", { subtask: "base", orderSeed: null, repeat: 0 }],
    ["shuffle_seed-1618", { subtask: "base", orderSeed: 1618, repeat: 0 }],
    ["env_args.shuffle_seed-1618", { subtask: "base", orderSeed: 1618, repeat: 0 }],
    ["task1__shuffle_seed-1618", { subtask: "task1", orderSeed: 1618, repeat: 0 }],
    ["task1__env_args.shuffle_seed-9331", { subtask: "task1", orderSeed: 9331, repeat: 0 }],
    ["num_options-4__shuffle_seed-9331", { subtask: "num_options-4", orderSeed: 9331, repeat: 0 }],
    ["easy__shuffle_seed-1618", { subtask: "easy", orderSeed: 1618, repeat: 0 }],
    ["rollout_1", { subtask: "base", orderSeed: null, repeat: 1 }],
    ["rollout_2", { subtask: "base", orderSeed: null, repeat: 2 }],
    ["task1", { subtask: "task1", orderSeed: null, repeat: 0 }],
    ["num_options-5", { subtask: "num_options-5", orderSeed: null, repeat: 0 }],
    ["version-1.2", { subtask: "version-1.2", orderSeed: null, repeat: 0 }],
    ["tools", { subtask: "tools", orderSeed: null, repeat: 0 }],
    ["free_turn", { subtask: "free_turn", orderSeed: null, repeat: 0 }],
    ["1turn", { subtask: "1turn", orderSeed: null, repeat: 0 }],
    ["reasoning_fct", { subtask: "reasoning_fct", orderSeed: null, repeat: 0 }],
    ["easy__shuffle_seed-1618__rollout_2", { subtask: "easy", orderSeed: 1618, repeat: 2 }],
    ["base__shuffle_seed-1618", { subtask: "base", orderSeed: 1618, repeat: 0 }],
  ])("%s", (variantId, expected) => {
    expect(parseVariantId(variantId)).toEqual(expected);
  });

  it("does not treat LongHealth's doc_shuffle_seed or lookalikes as an answer order", () => {
    expect(parseVariantId("doc_shuffle_seed-2718")).toEqual({ subtask: "doc_shuffle_seed-2718", orderSeed: null, repeat: 0 });
    expect(parseVariantId("shuffle_seed-x")).toEqual({ subtask: "shuffle_seed-x", orderSeed: null, repeat: 0 });
    // Gen B ids like `agentclinic_rollout_1` are env variant ids, not folder names: left alone here.
    expect(parseVariantId("agentclinic_rollout_1").repeat).toBe(0);
  });
});
