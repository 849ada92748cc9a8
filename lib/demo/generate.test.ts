import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBenchmark, suiteVariants } from "../catalog";
import { DEMO_CONFIG_ALIASES, defaultCatalog, type DemoCatalog, NO_USAGE_ALIAS, resolveDemoConfigs } from "./configs";
import { generateDemoRuns } from "./generate";
import { slug } from "../ingest/slug";

const Q = 8; // small datasets keep these tests fast

interface Run {
  rel: string;
  meta: Record<string, any>;
  rows: Record<string, any>[];
}

interface Manifest {
  generator: string;
  synthetic: boolean;
  seed: string;
  configs: { alias: string; providerId: string; reasoningEffort: string | null; group: string; baseAlias: string | null; modelFolder: string; usage: boolean }[];
  missing: { alias: string; envId: string; variantId: string; benchmark: string }[];
  incomplete: string;
  runs: { alias: string; path: string; benchmark: string; envId: string; variantId: string; rows: number; numExamples: number }[];
}

const tmpRoots: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medmarks-demo-"));
  tmpRoots.push(dir);
  return dir;
}

function listFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The chosen letter as the ingest parses it (spec §4). */
function parseLetter(text: string): string | null {
  return (
    /<answer>\s*([A-J])\s*<\/answer>/.exec(text)?.[1] ?? /\\boxed\{\s*([A-J])\s*\}/.exec(text)?.[1] ?? /^\s*([A-J])\b/.exec(text)?.[1] ?? null
  );
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

let dir: string;
let result: Awaited<ReturnType<typeof generateDemoRuns>>;
let manifest: Manifest;
const runs = new Map<string, Run>(); // by relative path
const byAlias = new Map<string, Run[]>();
const progress: [number, number][] = [];

beforeAll(async () => {
  dir = tmp();
  result = await generateDemoRuns(dir, { questionsPerDataset: Q, onProgress: (d, t) => progress.push([d, t]) });
  manifest = JSON.parse(fs.readFileSync(path.join(dir, "demo-manifest.json"), "utf8"));
  for (const r of manifest.runs) {
    const abs = path.join(dir, r.path);
    const run: Run = {
      rel: r.path,
      meta: JSON.parse(fs.readFileSync(path.join(abs, "metadata.json"), "utf8")),
      rows: fs
        .readFileSync(path.join(abs, "results.jsonl"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    };
    runs.set(r.path, run);
    if (!byAlias.has(r.alias)) byAlias.set(r.alias, []);
    byAlias.get(r.alias)!.push(run);
  }
});

afterAll(() => {
  for (const d of tmpRoots) fs.rmSync(d, { recursive: true, force: true });
});

const manifestRun = (rel: string) => manifest.runs.find((r) => r.path === rel)!;

describe("demo selection", () => {
  it("resolves at least 24 catalog configurations with the required mix", () => {
    const { configs, skipped } = resolveDemoConfigs();
    expect(skipped).toEqual([]);
    expect(configs.length).toBeGreaterThanOrEqual(24);
    expect(configs.length).toBe(DEMO_CONFIG_ALIASES.length);
    const groups = new Set(configs.map((c) => c.group));
    for (const g of ["proprietary", "open-weight", "medical", "quantized"]) expect(groups).toContain(g);
    // medical fine-tunes and the quantized model come with their bases
    for (const c of configs.filter((c) => c.group === "medical" || c.group === "quantized")) {
      expect(c.baseAlias, c.alias).not.toBeNull();
    }
    // one model at three efforts, in separate folders
    const oss = configs.filter((c) => c.providerId === "openai/gpt-oss-20b");
    expect(oss.map((c) => c.effort).sort()).toEqual(["high", "low", "medium"]);
    expect(new Set(oss.map((c) => c.folder)).size).toBe(3);
    // folders are unique per config
    expect(new Set(configs.map((c) => c.folder)).size).toBe(configs.length);
  });
});

describe("generateDemoRuns", () => {
  it("reports runs and rows that match the files, and progress up to the total", () => {
    expect(result.dir).toBe(dir);
    expect(result.runs).toBe(manifest.runs.length);
    expect(result.runs).toBe(runs.size);
    expect(result.rows).toBe([...runs.values()].reduce((s, r) => s + r.rows.length, 0));
    expect(progress.at(-1)).toEqual([result.runs, result.runs]);
    expect(fs.readFileSync(path.join(dir, "DEMO.md"), "utf8")).toMatch(/synthetic/i);
    expect(manifest).toMatchObject({ generator: "medmarks-explorer demo", synthetic: true });
    expect(typeof manifest.seed).toBe("string");
  });

  it("is deterministic: a second generation is byte-identical", async () => {
    const other = tmp();
    await generateDemoRuns(other, { questionsPerDataset: Q });
    const a = listFiles(dir);
    const b = listFiles(other);
    expect(b).toEqual(a);
    for (const f of a) expect(sha256(path.join(other, f)), f).toBe(sha256(path.join(dir, f)));
  });

  it("covers every suite variant for every config except the planned gaps", () => {
    const datasets = [...suiteVariants("V"), ...suiteVariants("OE")];
    const missing = new Set(manifest.missing.map((m) => `${m.alias}|${m.envId}|${m.variantId}`));
    for (const c of manifest.configs) {
      const have = new Set(manifest.runs.filter((r) => r.alias === c.alias).map((r) => `${r.envId}|${r.variantId}|${r.benchmark}`));
      for (const { benchmark, variant } of datasets) {
        const key = `${variant.envId}|${variant.variantId}|${benchmark.slug}`;
        expect(have.has(key) || missing.has(`${c.alias}|${variant.envId}|${variant.variantId}`), `${c.alias} ${key}`).toBe(true);
      }
    }
    expect(result.runs).toBe(manifest.configs.length * datasets.length - manifest.missing.length);
  });

  it("writes the Gen A layout: runs/evals/<slug(model)>[-effort]/<slug(env_id)>/<variant_id>/", () => {
    const files = listFiles(dir);
    const runDirs = new Set(files.filter((f) => f.endsWith("/results.jsonl")).map((f) => path.posix.dirname(f)));
    expect(runDirs.size).toBe(result.runs);
    for (const d of runDirs) expect(files).toContain(`${d}/metadata.json`);
    for (const run of runs.values()) {
      const [runsDir, root, modelFolder, envFolder, variantFolder, ...rest] = run.rel.split("/");
      expect(rest).toEqual([]);
      expect(runsDir).toBe("runs");
      expect(["evals", "evals_open_ended"]).toContain(root);
      const cfg = manifest.configs.find((c) => c.alias === manifestRun(run.rel).alias)!;
      expect([slug(run.meta.model), `${slug(run.meta.model)}-${cfg.reasoningEffort}`]).toContain(modelFolder);
      expect(envFolder).toBe(slug(run.meta.env_id));
      expect(variantFolder).toBe(manifestRun(run.rel).variantId);
    }
    // only the datasets that share a folder with a V dataset leave runs/evals
    const moved = new Set(manifest.runs.filter((r) => r.path.startsWith("runs/evals_open_ended/")).map((r) => r.benchmark));
    expect([...moved].sort()).toEqual(["careqa_open", "pubhealthbench_freeform"]);
  });

  it("writes every metadata.json field of spec §1 from the catalog", () => {
    const { configs } = resolveDemoConfigs();
    for (const run of runs.values()) {
      const m = run.meta;
      const mr = manifestRun(run.rel);
      const cfg = configs.find((c) => c.alias === mr.alias)!;
      const variant = getBenchmark(mr.benchmark)!.variants.find((v) => v.envId === mr.envId && v.variantId === mr.variantId)!;
      expect(Object.keys(m)).toEqual([
        "env_id", "env_args", "model", "base_url", "num_examples", "rollouts_per_example", "sampling_args", "time",
        "avg_reward", "avg_metrics", "avg_error", "pass_at_k", "pass_all_k", "pass_threshold", "usage", "version_info",
        "state_columns", "tools",
      ]);
      expect(m.env_id).toBe(variant.envId);
      expect(m.env_args).toEqual(variant.envArgs);
      expect(m.model).toBe(cfg.model.providerId);
      expect(m.base_url).toMatch(/^http:\/\/localhost/);
      expect(m.num_examples).toBe(Math.min(Q, variant.nQuestions));
      expect(m.rollouts_per_example).toBe(1);
      expect(m.sampling_args).toMatchObject(cfg.config.samplingArgs);
      expect(m.sampling_args.reasoning_effort ?? null).toBe(cfg.config.reasoningEffort);
      expect(m.time).toBeGreaterThan(0);
      const rewards = run.rows.map((r) => r.reward);
      expect(m.avg_reward).toBeCloseTo(mean(rewards), 5);
      expect(m.avg_metrics.num_turns).toBeGreaterThan(0);
      const key = getBenchmark(mr.benchmark)!.metric.key;
      expect(m.avg_metrics[key]).toBeCloseTo(mean(rewards), 5);
      expect(m.avg_error).toBeCloseTo(mean(run.rows.map((r) => (r.error ? 1 : 0))), 5);
      expect(m.pass_at_k).toHaveProperty("1");
      expect(m.pass_all_k).toHaveProperty("1");
      expect(m.pass_threshold).toBe(0.5);
      expect(Object.keys(m.version_info)).toEqual(["vf_version", "vf_commit", "env_version", "env_commit"]);
      expect(m.state_columns).toEqual([]);
      expect(m.tools).toBeNull();
      if (mr.alias === NO_USAGE_ALIAS) expect(m.usage).toBeNull();
      else {
        expect(Object.keys(m.usage)).toEqual(["input_tokens", "output_tokens", "final_input_tokens", "final_output_tokens"]);
        expect(m.usage.output_tokens).toBeCloseTo(mean(run.rows.map((r) => r.token_usage.output_tokens)), 1);
      }
    }
  });

  it("writes rows with every Gen A field, consistent rewards and parseable answers", () => {
    const { configs } = resolveDemoConfigs();
    const cfgOf = new Map(configs.map((c) => [c.alias, c]));
    const seen = { mcq: 0, judged: 0, truncated: 0, errors: 0, boxed: 0, letter: 0, tag: 0, reasoning: 0 };
    // plain checks collected into one list (19k rows: one expect per field would be slow)
    const problems: string[] = [];
    const sameKeys = (o: object, keys: string[]) => JSON.stringify(Object.keys(o)) === JSON.stringify(keys);
    for (const run of runs.values()) {
      const mr = manifestRun(run.rel);
      const bench = getBenchmark(mr.benchmark)!;
      const cfg = cfgOf.get(mr.alias)!;
      const key = bench.metric.key;
      for (const r of run.rows) {
        const check = (ok: boolean, what: string) => {
          if (!ok && problems.length < 20) problems.push(`${run.rel}#${r.example_id}: ${what}`);
        };
        check(Number.isInteger(r.example_id), "example_id");
        check(r.task === "default", "task");
        check(Array.isArray(r.prompt) && r.prompt.length >= 1 && r.prompt.at(-1).role === "user", "prompt");
        check(r.prompt.every((m: any) => (m.role === "system" || m.role === "user") && typeof m.content === "string"), "prompt roles");
        check(Array.isArray(r.completion), "completion");
        check(typeof r.answer === "string", "answer");
        check(typeof r.info === "object" && r.info !== null, "info");
        check(r.reward >= 0 && r.reward <= 1, "reward range");
        check(r.metrics[key] === r.reward, "metrics[key]");
        check(r.metrics.num_turns === (r.error ? 0 : 1), "metrics.num_turns");
        check(key === "reward" || r[key] === r.reward, "top-level metric");
        check(r.num_turns === r.metrics.num_turns, "top-level num_turns");
        check(sameKeys(r.timing, ["generation", "scoring", "total"]), "timing keys");
        check(Math.abs(r.timing.total - r.timing.generation.duration - r.timing.scoring.duration) < 0.01, "timing total");
        check(r.is_completed === true, "is_completed");
        check(typeof r.is_truncated === "boolean", "is_truncated");
        if (cfg.alias === NO_USAGE_ALIAS) check(!("token_usage" in r), "token_usage absent");
        else check(sameKeys(r.token_usage, ["input_tokens", "output_tokens", "final_input_tokens", "final_output_tokens"]), "token_usage keys");
        check(sameKeys(r, Object.keys(r).filter((k) => k !== "error").concat("error")), "error is the last field");
        if (r.error) {
          seen.errors++;
          check(sameKeys(r.error, ["error", "error_chain_repr", "error_chain_str"]), "error keys");
          check(r.reward === 0 && r.stop_condition === null && r.completion.length === 0, "error row");
          continue;
        }
        check(r.completion.length === 1 && r.completion[0].role === "assistant", "completion message");
        const msg = r.completion[0];
        if (msg.reasoning_content !== undefined) seen.reasoning++;
        check((msg.reasoning_content !== undefined) === (cfg.model.reasoning && cfg.group !== "proprietary"), "reasoning_content");
        if (r.is_truncated) {
          seen.truncated++;
          check(r.stop_condition === "length" && r.reward === 0, "truncated row");
          continue;
        }
        check(r.stop_condition === "stop", "stop_condition");
        if (r.info.options) {
          seen.mcq++;
          seen[cfg.persona.style]++;
          const letter = parseLetter(msg.content);
          check(letter !== null, `parse ${msg.content}`);
          check(r.info.options[r.answer] === r.info.answer_text, "gold letter -> answer_text");
          check(r.reward === (letter === r.answer ? 1 : 0), "reward = parsed letter is gold");
          const lines = Object.entries(r.info.options).map(([l, t]) => `${l}. ${t}`);
          check(r.prompt.at(-1).content.includes(lines.join("\n")), "prompt shows info.options in order");
        }
        if (bench.slug === "medhallu") check([0, 0.01, 1].includes(r.reward), "medhallu reward");
        if (bench.slug === "medcalc_bench") {
          check([0, 1].includes(r.reward), "medcalc reward");
          check(sameKeys(r.info, ["calc_id", "ground_truth", "lower_bound", "upper_bound"]), "medcalc info");
        }
        if (bench.judged) {
          seen.judged++;
          const [fb] = r.info.judge_feedback;
          check(JSON.stringify(fb.judges.map((j: any) => j.model)) === JSON.stringify(bench.judgeModels), "judge models");
          check(fb.judges.every((j: any) => sameKeys(j, ["model", "raw", "error", "scores", "score"]) && typeof j.raw === "string"), "judge keys");
          const ok = fb.judges.filter((j: any) => j.score !== null);
          check(!ok.length || Math.abs(fb.score - mean(ok.map((j: any) => j.score))) < 1e-3, "judge mean");
          check(r.reward === fb.score, "reward = judged score");
        }
      }
    }
    expect(problems).toEqual([]);
    expect(seen.mcq).toBeGreaterThan(1000);
    expect(seen.judged).toBeGreaterThan(100);
    expect(seen.truncated).toBeGreaterThan(0);
    expect(seen.reasoning).toBeGreaterThan(0);
    for (const style of ["tag", "boxed", "letter"] as const) expect(seen[style], style).toBeGreaterThan(0);
  });

  it("shuffled variants permute the original options, keep example ids and the gold text", () => {
    let compared = 0;
    let moved = 0;
    for (const [alias, list] of byAlias) {
      const byDataset = new Map(list.map((r) => [`${manifestRun(r.rel).benchmark}|${manifestRun(r.rel).envId}|${manifestRun(r.rel).variantId}`, r]));
      for (const run of list) {
        const mr = manifestRun(run.rel);
        const bench = getBenchmark(mr.benchmark)!;
        const variant = bench.variants.find((v) => v.envId === mr.envId && v.variantId === mr.variantId)!;
        if (variant.orderSeed === null || !bench.hasOrderVariants) continue;
        const original = bench.variants.find((v) => v.envId === variant.envId && v.subtask === variant.subtask && v.orderSeed === null && v.repeat === 0)!;
        const orig = byDataset.get(`${bench.slug}|${original.envId}|${original.variantId}`);
        expect(orig, `${alias} ${original.variantId}`).toBeDefined();
        const ids = (rs: Record<string, any>[]) => rs.map((r) => r.example_id).sort((a, b) => a - b);
        // same question ids in every order (the one interrupted run has a subset of them)
        if (orig!.rel === manifest.incomplete || run.rel === manifest.incomplete) {
          const shorter = orig!.rows.length < run.rows.length ? orig! : run;
          const longer = shorter === run ? orig! : run;
          expect(ids(longer.rows)).toEqual(expect.arrayContaining(ids(shorter.rows)));
        } else expect(ids(run.rows)).toEqual(ids(orig!.rows));
        const origById = new Map(orig!.rows.map((r) => [r.example_id, r]));
        for (const r of run.rows) {
          const o = origById.get(r.example_id);
          if (!o) continue;
          const shown = Object.values(r.info.options) as string[];
          const before = Object.values(o.info.options) as string[];
          expect([...shown].sort()).toEqual([...before].sort());
          expect(r.info.answer_text).toBe(o.info.answer_text);
          expect(r.info.options[r.answer]).toBe(r.info.answer_text);
          // "None of the above" / "I don't know" stay in place; letter-referencing options block shuffling
          before.forEach((t, i) => {
            if (t === "None of the above" || t.startsWith("I don't know")) expect(shown[i]).toBe(t);
          });
          if (before.some((t) => /^Both [A-J] and [A-J]$/.test(t))) expect(shown).toEqual(before);
          compared++;
          if (shown.join("|") !== before.join("|")) moved++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(moved / compared).toBeGreaterThan(0.5);
  });

  it("has exactly one incomplete run, in completion order with ~70% of its rows", () => {
    const incomplete = [...runs.values()].filter((r) => r.rows.length < r.meta.num_examples);
    expect(incomplete).toHaveLength(1);
    const [run] = incomplete;
    expect(run.rel).toBe(manifest.incomplete);
    expect(run.rows.length).toBe(Math.round(run.meta.num_examples * 0.7));
    const ids = run.rows.map((r) => r.example_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
    // every other run has its rows in example order
    for (const r of runs.values()) if (r !== run) expect(r.rows.map((x) => x.example_id)).toEqual(r.rows.map((_, i) => i));
  });

  it("leaves planned gaps: OE datasets for a few configs and one benchmark's shuffled copies", () => {
    expect(manifest.missing.length).toBeGreaterThan(0);
    for (const m of manifest.missing) expect(manifest.runs.some((r) => r.alias === m.alias && r.envId === m.envId && r.variantId === m.variantId)).toBe(false);
    const oe = new Set(manifest.missing.filter((m) => getBenchmark(m.benchmark)!.subset === "OE").map((m) => m.alias));
    expect(oe.size).toBeGreaterThanOrEqual(2);
    const shuffledOnly = manifest.missing.filter((m) => getBenchmark(m.benchmark)!.subset === "V");
    expect(shuffledOnly.length).toBeGreaterThan(0);
    const [{ alias, benchmark }] = shuffledOnly;
    const bench = getBenchmark(benchmark)!;
    const have = manifest.runs.filter((r) => r.alias === alias && r.benchmark === benchmark).map((r) => r.variantId);
    expect(have.sort()).toEqual(bench.variants.filter((v) => v.orderSeed === null).map((v) => v.variantId).sort());
  });

  it("medical fine-tunes beat their bases on most benchmarks; the quantized model trails its base", () => {
    const meanByBench = (alias: string) => {
      const acc = new Map<string, number[]>();
      for (const run of byAlias.get(alias) ?? []) {
        const b = manifestRun(run.rel).benchmark;
        if (!acc.has(b)) acc.set(b, []);
        acc.get(b)!.push(...run.rows.map((r) => r.reward));
      }
      return new Map([...acc].map(([b, xs]) => [b, mean(xs)]));
    };
    const overall = (alias: string) => mean([...meanByBench(alias).values()]);
    const medical = manifest.configs.filter((c) => c.group === "medical" && c.baseAlias);
    expect(medical.length).toBeGreaterThanOrEqual(3);
    for (const c of medical) {
      const med = meanByBench(c.alias);
      const base = meanByBench(c.baseAlias!);
      let wins = 0;
      let losses = 0;
      for (const [b, v] of med) {
        const w = base.get(b);
        if (w === undefined) continue;
        if (v > w) wins++;
        else if (v < w) losses++;
      }
      expect(wins, `${c.alias} vs ${c.baseAlias}`).toBeGreaterThan(2 * losses);
    }
    const quantized = manifest.configs.find((c) => c.group === "quantized")!;
    expect(overall(quantized.alias)).toBeLessThan(overall(quantized.baseAlias!));
    expect(overall(quantized.alias)).toBeGreaterThan(overall(quantized.baseAlias!) - 0.1);
  });

  it("orders the effort ladder: low < medium < high in output tokens (and accuracy low < high)", () => {
    const ladder = ["gpt-oss-20b-low", "gpt-oss-20b", "gpt-oss-20b-high"];
    const tokens = ladder.map((a) => mean(byAlias.get(a)!.flatMap((r) => r.rows.map((x) => x.token_usage.output_tokens))));
    expect(tokens[0]).toBeLessThan(tokens[1]);
    expect(tokens[1]).toBeLessThan(tokens[2]);
    const reward = ladder.map((a) => mean(byAlias.get(a)!.flatMap((r) => r.rows.map((x) => x.reward))));
    expect(reward[0]).toBeLessThan(reward[2]);
  });

  it("makes proprietary frontier models far more token-efficient than open-weight thinking models", () => {
    const tokens = (alias: string) => mean(byAlias.get(alias)!.flatMap((r) => r.rows.map((x) => x.token_usage.output_tokens)));
    expect(tokens("gpt-5_2")).toBeLessThan(1000);
    expect(tokens("qwen-235b-a22b-thinking")).toBeGreaterThan(3 * tokens("gpt-5_2"));
    expect(tokens("llama-3-70b-instruct")).toBeLessThan(500);
  });

  it("shows a first-position preference for small models and grok-4, not for frontier models", () => {
    const preference = (alias: string) => {
      let chosenA = 0;
      let goldA = 0;
      let n = 0;
      for (const run of byAlias.get(alias)!) {
        for (const r of run.rows) {
          if (!r.info.options || r.error || r.is_truncated) continue;
          const letter = parseLetter(r.completion[0].content);
          chosenA += letter === "A" ? 1 : 0;
          goldA += r.answer === "A" ? 1 : 0;
          n++;
        }
      }
      return (chosenA - goldA) / n;
    };
    expect(preference("gemma-3-4b-it")).toBeGreaterThan(0.15);
    expect(preference("grok-4")).toBeGreaterThan(0.05);
    expect(Math.abs(preference("gpt-5_2"))).toBeLessThan(0.05);
  });

  it("leaves token usage out for exactly one config", () => {
    const without = manifest.configs.filter((c) => !c.usage).map((c) => c.alias);
    expect(without).toEqual([NO_USAGE_ALIAS]);
    for (const [alias, list] of byAlias) {
      for (const run of list) {
        expect(run.rows.every((r) => ("token_usage" in r) === (alias !== NO_USAGE_ALIAS))).toBe(true);
        expect(run.meta.usage === null).toBe(alias === NO_USAGE_ALIAS);
      }
    }
  });

  it("rejects bad sizes and refuses to clear a folder of non-demo runs", async () => {
    await expect(generateDemoRuns(tmp(), { questionsPerDataset: 0 })).rejects.toThrow(RangeError);
    await expect(generateDemoRuns(tmp(), { questionsPerDataset: 121 })).rejects.toThrow(RangeError);
    const foreign = tmp();
    fs.mkdirSync(path.join(foreign, "runs", "evals", "x"), { recursive: true });
    await expect(generateDemoRuns(foreign, { questionsPerDataset: 1 })).rejects.toThrow(/not demo data/);
    expect(fs.existsSync(path.join(foreign, "runs", "evals", "x"))).toBe(true);
  });

  it("generates the default size (60 questions per dataset) with the expected counts", async () => {
    const out = tmp();
    const full = await generateDemoRuns(out);
    const { configs } = resolveDemoConfigs();
    const datasets = [...suiteVariants("V"), ...suiteVariants("OE")];
    const full60 = JSON.parse(fs.readFileSync(path.join(out, "demo-manifest.json"), "utf8")) as Manifest;
    expect(full.runs).toBe(configs.length * datasets.length - full60.missing.length);
    const expectedRows = full60.runs.reduce((s, r) => s + r.numExamples, 0) - Math.round(60 * 0.3);
    expect(full.rows).toBe(expectedRows);
    let lines = 0;
    for (const r of full60.runs) {
      const buf = fs.readFileSync(path.join(out, r.path, "results.jsonl"));
      for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
    }
    expect(lines).toBe(full.rows);
    expect(full60.runs.every((r) => r.numExamples === 60)).toBe(true);
  });

  it("full scale: every variant's real question count, and shards that together write exactly the same files", async () => {
    // A small catalog: three variants of two benchmarks with 130 questions (over the 120 cap of a
    // numeric size), so "all" is visible; MedQA's answer orders included.
    const pick = [...suiteVariants("V"), ...suiteVariants("OE")].filter(
      (d) => d.benchmark.slug === "medqa" || (d.benchmark.slug === "medcasereasoning" && d.variant.variantId === "base"),
    );
    const small: DemoCatalog = {
      ...defaultCatalog,
      suiteVariants: (subset) =>
        pick.filter((d) => d.benchmark.subset === subset).map((d) => ({ benchmark: d.benchmark, variant: { ...d.variant, nQuestions: 130 } })),
    };
    const aliases = ["gpt-5_2", "gemma-3-4b-it", "qwen-235b-a22b-thinking"];
    const whole = tmp();
    const all = await generateDemoRuns(whole, { questionsPerDataset: "all", aliases, catalog: small });
    expect(all.runs).toBe(aliases.length * pick.length);
    const m = JSON.parse(fs.readFileSync(path.join(whole, "demo-manifest.json"), "utf8")) as Manifest;
    expect(m.runs.every((r) => r.numExamples === 130)).toBe(true);
    // all complete but the planned interrupted run (~70% of its rows)
    expect(m.runs.filter((r) => r.rows !== 130).map((r) => [r.alias, r.rows])).toEqual([["qwen-235b-a22b-thinking", 91]]);
    expect(new Set(m.configs.map((c) => c.alias))).toEqual(new Set(aliases));

    const sharded = tmp();
    const parts = await Promise.all([0, 1].map((index) => generateDemoRuns(sharded, { questionsPerDataset: "all", aliases, catalog: small, shard: { index, count: 2 } })));
    expect(parts[0].runs + parts[1].runs).toBe(all.runs);
    expect(parts[0].rows + parts[1].rows).toBe(all.rows);
    expect(parts[0].bytes + parts[1].bytes).toBe(all.bytes);
    expect(fs.existsSync(path.join(sharded, "demo-manifest.json"))).toBe(false);
    const files = listFiles(path.join(whole, "runs"));
    expect(listFiles(path.join(sharded, "runs"))).toEqual(files);
    for (const f of files) expect(sha256(path.join(sharded, "runs", f))).toBe(sha256(path.join(whole, "runs", f)));
    await expect(generateDemoRuns(tmp(), { shard: { index: 2, count: 2 } })).rejects.toThrow(RangeError);
  });
});
