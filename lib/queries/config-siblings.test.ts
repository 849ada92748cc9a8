import { describe, expect, it } from "vitest";
import { configs, models } from "../catalog";
import { effortRank, selectSiblings, type SiblingConfig, type SiblingModel } from "./config-siblings";

const catalogConfigs: SiblingConfig[] = configs.map((c) => ({ slug: c.alias, modelId: c.modelId, reasoningEffort: c.reasoningEffort, displayName: c.displayName }));
const catalogModels: SiblingModel[] = models.map((m) => ({ id: m.id, displayName: m.displayName, group: m.group, baseModelId: m.baseModelId }));
const pick = (slug: string) => selectSiblings(slug, catalogConfigs, catalogModels).map((p) => [p.slug, p.kind]);

describe("selectSiblings on the catalog", () => {
  it("finds the reasoning-effort ladder of one model, low to high", () => {
    expect(pick("gpt-oss-20b")).toEqual([
      ["gpt-oss-20b-low", "effort"],
      ["gpt-oss-20b-high", "effort"],
    ]);
    expect(pick("gpt-oss-20b-high")).toEqual([
      ["gpt-oss-20b-low", "effort"],
      ["gpt-oss-20b", "effort"],
    ]);
    expect(pick("gpt-5_2")).toEqual([["gpt-5_2-high", "effort"]]);
  });

  it("pairs a medical fine-tune with its generalist base, and a base with its fine-tunes", () => {
    expect(pick("medgemma-27b-text")).toEqual([["gemma-3-27b-it", "base"]]);
    expect(pick("gemma-3-4b-it")).toEqual([
      ["medgemma-4b-1_5-it", "fine-tune"],
      ["medgemma-4b-it", "fine-tune"],
    ]);
    expect(pick("baichuan-m2")).toEqual([["qwen2_5-32b-instruct", "base"]]);
    // MediPhi's base (Phi-3.5-mini) has no configuration: nothing to compare with.
    expect(pick("mediphi")).toEqual([]);
    const [base] = selectSiblings("antangelmed", catalogConfigs, catalogModels);
    expect(base).toMatchObject({ slug: "ling-2-flash", kind: "base" });
    expect(base.relation).toContain("Ling-flash-2.0");
  });

  it("pairs quantized copies with the original and with each other", () => {
    expect(pick("qwen-30b-a3b-instruct")).toEqual([
      ["qwen-30b-a3b-instruct-awq-4bit", "quantized"],
      ["qwen-30b-a3b-instruct-awq-8bit", "quantized"],
      ["qwen-30b-a3b-instruct-fp8", "quantized"],
    ]);
    expect(pick("qwen-30b-a3b-instruct-fp8")).toEqual([
      ["qwen-30b-a3b-instruct", "full-precision"],
      ["qwen-30b-a3b-instruct-awq-4bit", "quantized"],
      ["qwen-30b-a3b-instruct-awq-8bit", "quantized"],
    ]);
  });

  it("returns nothing for a lone model or an unknown slug", () => {
    expect(pick("grok-4")).toEqual([]);
    expect(pick("no-such-config")).toEqual([]);
  });
});

describe("selectSiblings on a hand-made list", () => {
  const cs: SiblingConfig[] = [
    { slug: "m-high", modelId: "m", reasoningEffort: "high", displayName: "M (high)" },
    { slug: "m", modelId: "m", reasoningEffort: null, displayName: "M" },
    { slug: "m-minimal", modelId: "m", reasoningEffort: "minimal", displayName: "M (minimal)" },
    { slug: "med", modelId: "med", reasoningEffort: null, displayName: "Med-M" },
    { slug: "q", modelId: "q", reasoningEffort: null, displayName: "M 4-bit" },
  ];
  const ms: SiblingModel[] = [
    { id: "m", displayName: "M", group: "open-weight", baseModelId: null },
    { id: "med", displayName: "Med-M", group: "medical", baseModelId: "m" },
    { id: "q", displayName: "M 4-bit", group: "quantized", baseModelId: "m" },
  ];
  it("orders by kind (effort, quantized, fine-tune) and effort (default first)", () => {
    expect(selectSiblings("m-high", cs, ms).map((p) => [p.slug, p.kind, p.relation])).toEqual([
      ["m", "effort", "same model, default reasoning effort"],
      ["m-minimal", "effort", "same model, reasoning effort minimal"],
      ["q", "quantized", "quantized copy of this model"],
      ["med", "fine-tune", "medical fine-tune of this model"],
    ]);
  });
  it("ranks efforts on the OpenAI ladder", () => {
    expect(["high", "low", null, "xhigh", "medium", "custom"].sort((a, b) => effortRank(a) - effortRank(b))).toEqual([null, "low", "medium", "high", "xhigh", "custom"]);
  });
});
