import { describe, expect, it } from "vitest";
import { getBenchmark } from "../catalog";
import { composeVariantId, reasoningEffortOf, resolveBenchmark, resolveConfig, resolveDataset } from "./identity";

describe("reasoningEffortOf", () => {
  it("takes the first of the four places an effort can be set", () => {
    expect(reasoningEffortOf({ reasoning_effort: "low", reasoning: { effort: "high" } })).toBe("low");
    expect(reasoningEffortOf({ reasoning: { effort: "high" } })).toBe("high");
    expect(reasoningEffortOf({ output_config: { effort: "medium" } })).toBe("medium");
    expect(reasoningEffortOf({ extra_body: { reasoning_effort: "minimal" } })).toBe("minimal");
    expect(reasoningEffortOf({ temperature: 0 })).toBeNull();
    expect(reasoningEffortOf(null)).toBeNull();
  });
});

describe("resolveConfig", () => {
  it("maps provider id + effort to the unique catalog alias", () => {
    expect(resolveConfig("openai/gpt-oss-20b", "low").slug).toBe("gpt-oss-20b-low");
    expect(resolveConfig("openai/gpt-oss-20b", "medium").slug).toBe("gpt-oss-20b");
    expect(resolveConfig("openai/gpt-oss-20b", "high").catalog?.alias).toBe("gpt-oss-20b-high");
  });
  it("does not let a run without effort match an alias that has one", () => {
    expect(resolveConfig("openai/gpt-oss-20b", null)).toEqual({ slug: "openai-gpt-oss-20b", catalog: null });
  });
  it("falls back to slug(provider id) plus -effort, and honours an explicit alias", () => {
    expect(resolveConfig("acme/new-model", "high")).toEqual({ slug: "acme-new-model-high", catalog: null });
    expect(resolveConfig("google/gemma-3-4b-it", null).slug).toBe("gemma-3-4b-it");
    expect(resolveConfig("openai/gpt-oss-20b", "low", "my-alias")).toEqual({ slug: "my-alias", catalog: null });
  });
});

describe("resolveBenchmark", () => {
  it("tells the careqa and pubhealthbench splits apart by env_args.split, not by path", () => {
    expect(resolveBenchmark("careqa", { split: "en" }).slug).toBe("careqa");
    expect(resolveBenchmark("careqa", { split: "open" }).slug).toBe("careqa_open");
    expect(resolveBenchmark("careqa", {}).slug).toBe("careqa");
    expect(resolveBenchmark("pubhealthbench", { split: "freeform" }).slug).toBe("pubhealthbench_freeform");
    expect(resolveBenchmark("pubhealthbench", { split: "reviewed" }).slug).toBe("pubhealthbench");
  });
  it("maps both MTSamples envs to one benchmark and keeps unknown envs", () => {
    expect(resolveBenchmark("mtsamples_procedures", {}).slug).toBe("mtsamples");
    expect(resolveBenchmark("mtsamples_replicate", {}).slug).toBe("mtsamples");
    expect(resolveBenchmark("brand_new_env", {})).toEqual({ slug: "brand_new_env", catalog: null });
  });
});

describe("resolveDataset", () => {
  const longhealth = getBenchmark("longhealth")!;
  const medqa = getBenchmark("medqa")!;
  it("reads subtask and order from the folder, the order seed from env_args, never doc_shuffle_seed", () => {
    const d = resolveDataset(longhealth, "longhealth", "task1__env_args.shuffle_seed-1618", {
      task: "task1", shuffle_answers: true, shuffle_seed: 1618, doc_shuffle_seed: 1618,
    });
    expect(d).toMatchObject({ variantId: "task1__shuffle_seed-1618", subtask: "task1", orderSeed: 1618, repeat: 0 });
    const original = resolveDataset(longhealth, "longhealth", "task2", { task: "task2", doc_shuffle_seed: 2718 });
    expect(original).toMatchObject({ variantId: "task2", orderSeed: null });
  });
  it("puts a base-folder smoke run into the suite subtask named by its env_args", () => {
    expect(resolveDataset(longhealth, "longhealth", "base", { task: "task1", doc_shuffle_seed: 2718 }).variantId).toBe("task1");
    const medcalc = getBenchmark("medcalc_bench")!;
    expect(resolveDataset(medcalc, "medcalc_bench", "base", { version: "1.2" }).variantId).toBe("version-1.2");
    const medbullets = getBenchmark("medbullets")!;
    expect(resolveDataset(medbullets, "medbullets", "base", { num_options: 4 }).variantId).toBe("num_options-4");
  });
  it("treats AgentClinic rollout_K as repeats of base and shuffles from env_args", () => {
    const agentclinic = getBenchmark("agentclinic")!;
    expect(resolveDataset(agentclinic, "agentclinic", "rollout_2", {})).toMatchObject({ subtask: "base", repeat: 2, variantId: "rollout_2" });
    expect(resolveDataset(medqa, "medqa", "base", { shuffle_answers: true, shuffle_seed: 9331 }).variantId).toBe("shuffle_seed-9331");
    expect(resolveDataset(medqa, "medqa", "base", { shuffle_answers: false, shuffle_seed: 9331 }).variantId).toBe("base");
  });
  it("knows the catalog's question count for suite variants", () => {
    expect(resolveDataset(medqa, "medqa", "shuffle_seed-1618", { shuffle_answers: true, shuffle_seed: 1618 }).nQuestions).toBe(1273);
  });
  it("composes variant ids the way the suite names them", () => {
    expect(composeVariantId("base", null, 0)).toBe("base");
    expect(composeVariantId("easy", 9331, 0)).toBe("easy__shuffle_seed-9331");
    expect(composeVariantId("base", null, 1)).toBe("rollout_1");
  });
});
