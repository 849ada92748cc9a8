import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { reasoningEffortOf } from "../ingest/identity";
import { benchmarks, benchmarksForEnv, configs, getBenchmark, getModel, models, suiteVariants } from "./index";
import type { CatalogBenchmark, CatalogVariant } from "./types";
import { parseVariantId } from "./variant-id";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------- helpers


/** Catalog model ids are the provider id's last path segment, lowercased, other characters → `-`. */
const idFromProvider = (providerId: string) =>
  providerId
    .split("/")
    .pop()!
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^-+|-+$/g, "");

const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** The suite variants whose subtasks share questions (so distinct questions = the largest subtask, not the sum). */
const OVERLAPPING_SUBTASKS: Record<string, string> = {
  medbullets: "the same 308 questions asked with 4 and with 5 options",
  medcalc_bench: "v1.2 and the Verified set are the same 1,100 test questions",
  medrbench: "1turn/free_turn re-ask the 957 diagnosis cases that oracle (split=all) also contains",
};

const SPEC_V_ORDER = [
  "careqa", "head_qa_v2", "longhealth", "m_arc", "med_halt", "medcalc_bench", "medconceptsqa", "medbullets", "medhallu",
  "med_mcqa", "medqa", "medxpertqa", "metamedqa", "mmlu_pro_health", "pubhealthbench", "pubmedqa", "sctpublic", "supergpqa_medicine",
];
const SPEC_OE_ORDER = [
  "aci_bench", "agentclinic", "careqa_open", "healthbench", "medagentbenchv2", "medcasereasoning", "med_dialog", "medexqa",
  "medicationqa", "medec", "medrbench", "mtsamples",
];
const MEDMARKS_T = ["medcalc_bench", "med_mcqa", "medqa", "pubmedqa", "aci_bench", "medcasereasoning", "med_dialog", "medec"];
const ORDER_BIAS = [
  "careqa", "longhealth", "m_arc", "med_mcqa", "medbullets", "medconceptsqa", "medqa", "medxpertqa", "metamedqa",
  "mmlu_pro_health", "pubhealthbench", "pubmedqa", "supergpqa_medicine",
];

function subtaskOf(b: CatalogBenchmark, v: CatalogVariant): string {
  const parsed = parseVariantId(v.variantId).subtask;
  // MTSamples: one env per subtask, both with a `base` folder; the subtask is the env id.
  return b.envIds.length > 1 && parsed === "base" ? v.envId : parsed;
}

/** Per subtask: the question count (asserting it is the same for every order and repeat). */
function subtaskCounts(b: CatalogBenchmark): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of b.variants) {
    const prev = counts.get(v.subtask);
    if (prev !== undefined) expect(v.nQuestions, `${b.slug} ${v.variantId}`).toBe(prev);
    counts.set(v.subtask, v.nQuestions);
  }
  return counts;
}

// ---------------------------------------------------------------- (a) invariants

describe("catalog invariants", () => {
  it("has unique benchmark slugs, model ids, provider ids and aliases", () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(benchmarks.map((b) => b.slug));
    unique(models.map((m) => m.id));
    unique(models.map((m) => m.providerId));
    unique(configs.map((c) => c.alias));
  });

  it("has exactly 30 benchmarks in the thirty: 18 V and 12 OE, plus PubHealthBench free-form", () => {
    const thirty = benchmarks.filter((b) => b.inThirty);
    expect(thirty).toHaveLength(30);
    expect(thirty.filter((b) => b.subset === "V")).toHaveLength(18);
    expect(thirty.filter((b) => b.subset === "OE")).toHaveLength(12);
    const others = benchmarks.filter((b) => !b.inThirty);
    expect(others.map((b) => b.slug)).toEqual(["pubhealthbench_freeform"]);
    expect(others[0].subset).toBe("OE");
  });

  it("lists V benchmarks in spec §6 order, then OE", () => {
    expect(benchmarks.map((b) => b.slug)).toEqual([...SPEC_V_ORDER, ...SPEC_OE_ORDER, "pubhealthbench_freeform"]);
  });

  it("marks the 8 Medmarks-T benchmarks, which (and only which) have a training size", () => {
    expect(benchmarks.filter((b) => b.medmarksT).map((b) => b.slug).sort()).toEqual([...MEDMARKS_T].sort());
    for (const b of benchmarks) expect(b.nTraining !== null, b.slug).toBe(b.medmarksT);
  });

  it("flags answer-order bias exactly for the spec §4 MCQ benchmarks", () => {
    expect(benchmarks.filter((b) => b.hasOrderVariants).map((b) => b.slug).sort()).toEqual([...ORDER_BIAS].sort());
  });

  it("gives every benchmark at least one variant, with unique (env, variant) and known env ids", () => {
    for (const b of benchmarks) {
      expect(b.variants.length, b.slug).toBeGreaterThan(0);
      const keys = b.variants.map((v) => `${v.envId}::${v.variantId}`);
      expect(new Set(keys).size, b.slug).toBe(keys.length);
      for (const v of b.variants) expect(b.envIds, b.slug).toContain(v.envId);
      for (const env of b.envIds) expect(b.variants.some((v) => v.envId === env), `${b.slug} ${env}`).toBe(true);
    }
  });

  it("keeps subtask, order seed and repeat consistent with the variant id and env_args", () => {
    for (const b of benchmarks) {
      for (const v of b.variants) {
        const parsed = parseVariantId(v.variantId);
        const where = `${b.slug} ${v.envId}/${v.variantId}`;
        expect(v.subtask, where).toBe(subtaskOf(b, v));
        expect(v.orderSeed, where).toBe(parsed.orderSeed);
        expect(v.repeat, where).toBe(parsed.repeat);
        // The order seed is the answer shuffle only (never doc_shuffle_seed).
        if (v.envArgs.shuffle_answers === true) expect(v.envArgs.shuffle_seed, where).toBe(v.orderSeed);
        else expect(v.orderSeed, where).toBeNull();
        for (const key of Object.keys(v.envArgs)) expect(key.endsWith("_base_url"), where).toBe(false);
      }
    }
  });

  it("has the original order and both shuffles (1618, 9331) of every subtask of an order-bias benchmark", () => {
    for (const b of benchmarks) {
      const subtasks = new Set(b.variants.map((v) => v.subtask));
      for (const s of subtasks) {
        const seeds = b.variants.filter((v) => v.subtask === s).map((v) => v.orderSeed);
        expect(seeds.sort(), `${b.slug} ${s}`).toEqual(b.hasOrderVariants ? [1618, 9331, null] : seeds.map(() => null));
      }
    }
  });

  it("has question counts that add up: same count across orders/repeats, subtasks sum to nQuestions", () => {
    for (const b of benchmarks) {
      const counts = [...subtaskCounts(b).values()];
      for (const n of counts) expect(n, b.slug).toBeGreaterThan(0);
      if (b.slug in OVERLAPPING_SUBTASKS) expect(Math.max(...counts), b.slug).toBe(b.nQuestions);
      else expect(counts.reduce((a, n) => a + n, 0), b.slug).toBe(b.nQuestions);
    }
  });

  it("uses a split on every variant of a split-selected benchmark, and resolves careqa/pubhealthbench by split", () => {
    for (const b of benchmarks.filter((x) => x.split !== null)) {
      for (const v of b.variants) expect(v.envArgs.split, `${b.slug} ${v.variantId}`).toBe(b.split);
    }
    expect(benchmarksForEnv("careqa").map((b) => [b.slug, b.split])).toEqual([["careqa", "en"], ["careqa_open", "open"]]);
    expect(benchmarksForEnv("pubhealthbench").map((b) => [b.slug, b.split])).toEqual([
      ["pubhealthbench", "reviewed"],
      ["pubhealthbench_freeform", "freeform"],
    ]);
    expect(benchmarksForEnv("mtsamples_replicate").map((b) => b.slug)).toEqual(["mtsamples"]);
  });

  it("keeps judges and suite membership coherent", () => {
    const notInSuite = benchmarks.filter((b) => !b.inSuiteConfig).map((b) => b.slug);
    expect(notInSuite.sort()).toEqual(["aci_bench", "medagentbenchv2"]);
    for (const b of benchmarks) {
      if (b.subset === "V") {
        expect(b.judged, b.slug).toBe(false);
        expect(b.judgeModels, b.slug).toEqual([]);
      }
      if (!b.inSuiteConfig) {
        expect(b.judgeModels, b.slug).toEqual([]);
        expect(b.variants.map((v) => v.variantId), b.slug).toEqual(["base"]);
      }
      if (b.inSuiteConfig && b.subset === "OE") {
        for (const v of b.variants) expect(asList(v.envArgs.judge_model), `${b.slug} ${v.variantId}`).toEqual(b.judgeModels);
        if (b.judged) expect(b.judgeModels.length, b.slug).toBeGreaterThan(0);
      }
    }
    expect(suiteVariants("V").every(({ benchmark }) => benchmark.subset === "V")).toBe(true);
    expect(suiteVariants("OE").some(({ benchmark }) => benchmark.slug === "pubhealthbench_freeform")).toBe(true);
  });

  it("has well-formed metrics, licenses, descriptions, urls and BibTeX", () => {
    for (const b of benchmarks) {
      expect(b.metric.key, b.slug).toMatch(/^[a-z_]+$/);
      expect(b.metric.higherIsBetter, b.slug).toBe(true);
      expect(Number.isInteger(b.metric.decimals) && b.metric.decimals >= 0 && b.metric.decimals <= 3, b.slug).toBe(true);
      expect(b.metric.description.length, b.slug).toBeGreaterThan(20);
      expect(b.metric.scale.length, b.slug).toBeGreaterThan(2);
      expect(b.license.length, b.slug).toBeGreaterThan(0);
      expect(b.description.length, b.slug).toBeGreaterThan(20);
      if (b.url !== null) expect(b.url, b.slug).toMatch(/^https?:\/\/\S+$/);
      if (b.bibtex !== null) {
        expect(b.bibtex, b.slug).toMatch(/^@\w+\{[^,\s]+,\n[\s\S]*\n\}$/);
        const opens = (b.bibtex.match(/\{/g) ?? []).length;
        const closes = (b.bibtex.match(/\}/g) ?? []).length;
        expect(opens, `${b.slug} braces`).toBe(closes);
        expect(b.bibtex, b.slug).toMatch(/\btitle\s*=/);
      }
      if (b.taskType === "mcq") expect(b.metric.key, b.slug).toBe("accuracy");
    }
    expect(getBenchmark("medcalc_bench")?.metric.key).toBe("check_correctness");
  });

  it("derives model ids from provider ids and keeps groups, bases and flags coherent", () => {
    for (const m of models) {
      expect(m.id, m.providerId).toBe(idFromProvider(m.providerId));
      expect(m.displayName.length, m.id).toBeGreaterThan(0);
      expect(m.org.length, m.id).toBeGreaterThan(0);
      if (m.group === "medical" || m.group === "quantized") {
        expect(m.baseModelId, m.id).not.toBeNull();
        const base = getModel(m.baseModelId!);
        expect(base, `${m.id} → ${m.baseModelId}`).toBeDefined();
        expect(base!.id).not.toBe(m.id);
        expect(["open-weight", "proprietary"], `${m.id}'s base is a generalist`).toContain(base!.group);
      } else {
        expect(m.baseModelId, m.id).toBeNull();
      }
      if (m.group === "proprietary") expect(m.openWeights, m.id).toBe(false);
      else expect(m.openWeights, m.id).toBe(true);
      if (m.activeParamsB !== null) {
        expect(m.paramsB, m.id).not.toBeNull();
        expect(m.activeParamsB, m.id).toBeLessThan(m.paramsB!);
      }
      if (m.paramsB !== null) expect(m.paramsB, m.id).toBeGreaterThan(0);
    }
    // Every model is used by an alias or is the base of one that is.
    const used = new Set(configs.map((c) => c.modelId));
    for (const m of models) used.add(m.baseModelId ?? "");
    for (const m of models) expect(used.has(m.id), m.id).toBe(true);
  });

  it("groups the models the spec names", () => {
    const group = (id: string) => getModel(id)?.group;
    for (const id of ["gpt-5.2", "gpt-5.1", "gpt-5-mini", "gpt-5-nano", "gemini-3-pro-preview", "grok-4", "claude-sonnet-4-5-20250929", "qwen3-max"]) {
      expect(group(id), id).toBe("proprietary");
    }
    for (const id of ["medgemma-27b-text-it", "medgemma-4b-it", "medgemma-1.5-4b-it", "baichuan-m2-32b", "baichuan-m3-235b", "antangelmed", "mediphi-instruct"]) {
      expect(group(id), id).toBe("medical");
    }
    expect(getModel("medgemma-27b-text-it")?.baseModelId).toBe("gemma-3-27b-it");
    expect(getModel("baichuan-m3-235b")?.baseModelId).toBe("qwen3-235b-a22b-thinking-2507");
    expect(getModel("antangelmed")?.baseModelId).toBe("ling-flash-2.0");
    expect(getModel("mediphi-instruct")?.baseModelId).toBe("phi-3.5-mini-instruct");
    const quantized = models.filter((m) => m.group === "quantized").map((m) => m.id);
    expect(quantized).toHaveLength(6);
    for (const id of quantized) expect(id).toMatch(/-(awq-4bit|awq-8bit|fp8)$/);
    for (const id of ["gpt-oss-20b", "gpt-oss-120b"]) expect(getModel(id)?.reasoning, id).toBe(true);
  });

  it("gives every config an existing model and an effort read from its sampling args", () => {
    for (const c of configs) {
      const m = getModel(c.modelId);
      expect(m, c.alias).toBeDefined();
      expect(c.reasoningEffort, c.alias).toBe(reasoningEffortOf(c.samplingArgs));
      expect(c.displayName, c.alias).toBe(c.reasoningEffort ? `${m!.displayName} (${c.reasoningEffort})` : m!.displayName);
    }
    const sharing = configs.filter((c) => c.modelId === "gpt-oss-20b").map((c) => c.reasoningEffort);
    expect(sharing.sort()).toEqual(["high", "low", "medium"]);
  });
});

// ---------------------------------------------------------------- (b) against the shared data

function findSharedData(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(process.cwd(), "../shared/medmarks-data"), path.resolve(here, "../../../shared/medmarks-data")];
  return candidates.find((p) => existsSync(path.join(p, "configs", "medmarks-endpoints.toml"))) ?? null;
}
const DATA = findSharedData();

const readToml = (rel: string) => parse(readFileSync(path.join(DATA!, rel), "utf8")) as Json;

interface SuiteVariant {
  envId: string;
  variantId: string;
  envArgs: Json;
}

const withoutBaseUrls = (args: Json): Json => Object.fromEntries(Object.entries(args).filter(([k]) => !k.endsWith("_base_url")));

/** Expand a suite config like `medarc-eval bench`: evals as they are, ablations over the cartesian product of their sweep. */
function expandSuite(config: Json): SuiteVariant[] {
  const out: SuiteVariant[] = [];
  const render = (name: unknown, args: Json) =>
    typeof name === "string" && name !== ""
      ? name.replace(/\{env_args\.([A-Za-z0-9_]+)\}/g, (_, key: string) => String(args[key]))
      : "base";
  for (const entry of (config.eval ?? []) as Json[]) {
    const args = (entry.env_args ?? {}) as Json;
    out.push({ envId: String(entry.env_id), variantId: render(entry.name, args), envArgs: withoutBaseUrls(args) });
  }
  for (const entry of (config.ablation ?? []) as Json[]) {
    const base = (entry.env_args ?? {}) as Json;
    const sweep = (isObj(entry.sweep) && isObj(entry.sweep.env_args) ? entry.sweep.env_args : {}) as Record<string, unknown[]>;
    let combos: Json[] = [{}];
    for (const [key, values] of Object.entries(sweep)) {
      combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
    }
    for (const combo of combos) {
      const args = { ...base, ...combo };
      out.push({ envId: String(entry.env_id), variantId: render(entry.name, args), envArgs: withoutBaseUrls(args) });
    }
  }
  return out;
}

/** The catalog benchmark a suite entry belongs to: env id plus env_args.split. */
function benchmarkOf(envId: string, envArgs: Json): CatalogBenchmark {
  const split = typeof envArgs.split === "string" ? envArgs.split : null;
  const matches = benchmarksForEnv(envId).filter((b) => b.split === null || b.split === split);
  expect(matches.map((b) => b.slug), `${envId} split=${split}`).toHaveLength(1);
  return matches[0];
}

const CSV_TO_SLUG: Record<string, string> = {
  CareQA: "careqa",
  "HEAD-QA v2": "head_qa_v2",
  LongHealth: "longhealth",
  "M-ARC": "m_arc",
  "Med-HALT": "med_halt",
  "MedCalc-Bench": "medcalc_bench",
  MedConceptsQA: "medconceptsqa",
  Medbullets: "medbullets",
  MedHallu: "medhallu",
  MedMCQA: "med_mcqa",
  MedQA: "medqa",
  MedXpertQA: "medxpertqa",
  MetaMedQA: "metamedqa",
  "MMLU-Pro-Health": "mmlu_pro_health",
  PubHealthBench: "pubhealthbench",
  PubMedQA: "pubmedqa",
  SCTPublic: "sctpublic",
  "SuperGPQA-Med": "supergpqa_medicine",
  "ACI-Bench": "aci_bench",
  AgentClinic: "agentclinic",
  "CareQA Open": "careqa_open",
  HealthBench: "healthbench",
  "MedAgentBench v2": "medagentbenchv2",
  MedCaseReasoning: "medcasereasoning",
  MedDialog: "med_dialog",
  MedExQA: "medexqa",
  MedicationQA: "medicationqa",
  MEDEC: "medec",
  "MedR-Bench": "medrbench",
  MTSamples: "mtsamples",
};

/** citations.bib entries whose content the catalog corrects (wrong authors/title in the file). */
const BIB_CORRECTED: Record<string, string> = {
  medrbench: "the file cites a non-existent 'MedRBench' arXiv:2402.09764 entry; the catalog cites Qiu et al., arXiv:2503.04691",
};

const normTitle = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, "");
const bibTitle = (entry: string) => /\btitle\s*=\s*[{"]([\s\S]*?)[}"]\s*,?\s*\n/.exec(entry)?.[1] ?? "";

describe.skipIf(!DATA)("catalog against ../shared/medmarks-data", () => {
  it("has exactly the endpoint registry's aliases, in order, with its provider ids, sampling args and efforts", () => {
    const endpoints = readToml("configs/medmarks-endpoints.toml").endpoint as Json[];
    expect(endpoints).toHaveLength(83);
    expect(configs.map((c) => c.alias)).toEqual(endpoints.map((e) => e.endpoint_id));
    endpoints.forEach((e, i) => {
      const c = configs[i];
      expect(getModel(c.modelId)?.providerId, c.alias).toBe(e.model);
      const sampling = (e.sampling_args ?? {}) as Json;
      expect(c.samplingArgs, c.alias).toEqual(sampling);
      expect(c.reasoningEffort, c.alias).toBe(reasoningEffortOf(sampling));
    });
    const providerIds = new Set(endpoints.map((e) => String(e.model)));
    expect(providerIds.size).toBe(78);
    const configured = new Set(configs.map((c) => getModel(c.modelId)!.providerId));
    expect([...configured].sort()).toEqual([...providerIds].sort());
  });

  for (const [subset, file] of [
    ["V", "configs/medmarks-verified.toml"],
    ["OE", "configs/medmarks-open_ended.toml"],
  ] as const) {
    it(`has exactly the ${subset} suite's variant folders, with its env_args (base URLs omitted)`, () => {
      const expanded = expandSuite(readToml(file));
      const key = (envId: string, variantId: string) => `${envId}::${variantId}`;
      const catalogSide = new Map(suiteVariants(subset).map(({ variant }) => [key(variant.envId, variant.variantId), variant]));
      const suiteSide = new Map(expanded.map((v) => [key(v.envId, v.variantId), v]));
      expect(suiteSide.size, "suite variant folders are unique").toBe(expanded.length);
      expect([...catalogSide.keys()].sort()).toEqual([...suiteSide.keys()].sort());
      for (const [k, v] of suiteSide) {
        expect(catalogSide.get(k)!.envArgs, k).toEqual(v.envArgs);
        const b = benchmarkOf(v.envId, v.envArgs);
        expect(b.subset, k).toBe(subset);
        expect(b.variants.some((x) => x.envId === v.envId && x.variantId === v.variantId), `${k} in ${b.slug}`).toBe(true);
        expect(b.judgeModels, `${k} judges`).toEqual(asList(v.envArgs.judge_model));
      }
    });
  }

  it("puts every smoke-config run in a suite dataset (subtask env_args match a catalog variant)", () => {
    const smoke = expandSuite(readToml("configs/medmarks-smoke.toml"));
    expect(smoke.length).toBeGreaterThan(0);
    for (const run of smoke) {
      const b = benchmarkOf(run.envId, run.envArgs);
      const match = b.variants.find(
        (v) => v.envId === run.envId && v.orderSeed === null && v.repeat === 0 && Object.entries(run.envArgs).every(([k, x]) => v.envArgs[k] === x),
      );
      expect(match, `${run.envId} ${JSON.stringify(run.envArgs)}`).toBeDefined();
    }
  });

  it("matches benchmarks.csv: subset, license, evaluated and training counts", () => {
    const [header, ...rows] = readFileSync(path.join(DATA!, "benchmarks.csv"), "utf8").trim().split(/\r?\n/);
    expect(header.split(",")).toEqual(["benchmark", "subset", "license", "n_evaluated", "n_training"]);
    expect(rows).toHaveLength(30);
    const seen = new Set<string>();
    for (const row of rows) {
      const [name, subset, license, nEvaluated, nTraining] = row.split(",");
      const slug = CSV_TO_SLUG[name];
      expect(slug, `CSV name ${name}`).toBeDefined();
      seen.add(slug);
      const b = getBenchmark(slug)!;
      expect(b.inThirty, slug).toBe(true);
      expect(b.subset, slug).toBe(subset);
      expect(b.license, slug).toBe(license);
      expect(b.nQuestions, slug).toBe(Number(nEvaluated));
      expect(b.nTraining, slug).toBe(nTraining === "--" ? null : Number(nTraining));
    }
    expect([...seen].sort()).toEqual(benchmarks.filter((b) => b.inThirty).map((b) => b.slug).sort());
  });

  it("matches the per-variant counts of the vLLM stats (available_by_variant, except entries of 0)", () => {
    const dir = path.join(DATA!, "_history/f0ee7ba/benchmarks/medmarks_vllm");
    const files = readdirSync(dir).filter((f) => f.endsWith(".stats.json"));
    expect(files.length).toBeGreaterThan(0);
    let checked = 0;
    for (const f of files) {
      const stats = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { available_by_variant: Record<string, number> };
      for (const [k, n] of Object.entries(stats.available_by_variant)) {
        const [envId, variantId] = k.split("::");
        const variant = benchmarks.flatMap((b) => b.variants).find((v) => v.envId === envId && v.variantId === variantId && v.envArgs.split !== "open");
        expect(variant, `${f} ${k}`).toBeDefined();
        if (n === 0) continue; // medcalc_bench::tools: tool variants are not sampled by that benchmark
        expect(variant!.nQuestions, `${f} ${k}`).toBe(n);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("has BibTeX for every env in citations.bib, with the same titles (documented corrections aside)", () => {
    const text = readFileSync(path.join(DATA!, "citations.bib"), "utf8");
    const blocks = text.split(/^% env: /m).slice(1);
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    let checked = 0;
    for (const block of blocks) {
      const env = block.split("\n", 1)[0].trim();
      const candidates = benchmarksForEnv(env);
      if (candidates.length === 0) continue; // e.g. head_qa (v1), not a Medmarks env
      for (const b of candidates) {
        expect(b.bibtex, `${b.slug} (${env})`).not.toBeNull();
        if (b.slug in BIB_CORRECTED) continue;
        expect(normTitle(bibTitle(b.bibtex!)), `${b.slug} title`).toBe(normTitle(bibTitle(block)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  });
});
