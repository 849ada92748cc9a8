/**
 * Synthetic rollout rows (Gen A `results.jsonl`, spec §1), one per question of a run.
 *
 * The question (prompt, options, gold, difficulty) comes from a `QuestionBank` shared by every
 * configuration; the configuration's answer is drawn from an IRT-like model: it "knows" the answer
 * when 1.2·(theta − b) + shared noise + per-rollout noise > 0. The shared noise is keyed by model
 * family and question (so effort siblings and quantized/base copies agree more often than
 * strangers); the per-rollout noise and every other draw use `${alias}|${envId}|${variantId}|${exampleId}`.
 * Rows are serialized by hand (the hot path) to exactly the JSON of a `DemoRow`.
 */
import type { CatalogBenchmark, CatalogVariant } from "../catalog";
import { benchDifficulty, taskKind, type TaskKind } from "./ability";
import { effortAdjust, type DemoConfig } from "./configs";
import {
  CALCULATORS,
  DIAGNOSES,
  FINDINGS,
  IDK,
  LETTERS,
  makeMcq,
  makeOpenQuestion,
  type McqQuestion,
  type OpenQuestion,
  mcqRationale,
  openAnswer,
  reasoningText,
  shufflePermutation,
  vignette,
} from "./content";
import { clamp, type Rng, rngFor, round, sigmoid } from "./prng";

export interface Message {
  role: "system" | "user" | "assistant";
  content: string;
  reasoning_content?: string;
}

export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  final_input_tokens: number;
  final_output_tokens: number;
}

export interface RowError {
  error: string;
  error_chain_repr: string;
  error_chain_str: string;
}

export interface JudgeVerdict {
  model: string;
  raw: string;
  error: string | null;
  scores: Record<string, number | string>;
  score: number | null;
}

/** A Gen A rollout row. The metric is also repeated at top level (`[metricKey]`, `num_turns`). */
export interface DemoRow {
  example_id: number;
  prompt: Message[];
  completion: Message[];
  task: "default";
  answer: string;
  info: Record<string, unknown>;
  reward: number;
  metrics: Record<string, number>;
  timing: { generation: { duration: number }; scoring: { duration: number }; total: number };
  is_completed: boolean;
  is_truncated: boolean;
  stop_condition: string | null;
  token_usage?: TokenUsage;
  error: RowError | null;
  [metric: string]: unknown;
}

export interface RunSpec {
  cfg: DemoConfig;
  bench: CatalogBenchmark;
  variant: CatalogVariant;
  theta: number;
  /** Model key whose "knowledge" draws are shared (effort siblings, quantized + base). */
  familyKey: string;
  hasUsage: boolean;
  nQuestions: number;
}

const MCQ_SYSTEM = "Think step by step, then give the letter of your answer inside <answer></answer> tags.";

const ERRORS: RowError[] = [
  {
    error: "ModelError",
    error_chain_repr: "ModelError(InternalServerError(\"Error code: 500 - {'error': 'upstream connect error'}\"))",
    error_chain_str: "ModelError: Error code: 500 - upstream connect error",
  },
  {
    error: "ModelError",
    error_chain_repr: "ModelError(APITimeoutError('Request timed out.'))",
    error_chain_str: "ModelError: Request timed out.",
  },
  {
    error: "ModelError",
    error_chain_repr: "ModelError(BadRequestError(\"Error code: 400 - {'error': 'context length exceeded'}\"))",
    error_chain_str: "ModelError: Error code: 400 - context length exceeded",
  },
];

/** Median output tokens per task kind, relative to an MCQ answer. */
function kindTokenFactor(kind: TaskKind, reasoning: boolean): number {
  switch (kind) {
    case "calc":
      return 1.7;
    case "medhallu":
      return 0.6;
    case "sct":
      return 0.7;
    case "judged":
      return reasoning ? 1.3 : 1.8;
    default:
      return 1;
  }
}

/** Reasoning text is only returned by open-weight thinking models (proprietary APIs hide it). */
function showsReasoning(cfg: DemoConfig): boolean {
  return cfg.model.reasoning && cfg.group !== "proprietary";
}

function formatChoice(style: DemoConfig["persona"]["style"], letter: string, rationale: string, text: string): string {
  if (style === "boxed") return `${rationale} The answer is \\boxed{${letter}}.`;
  if (style === "letter") return `${letter}. ${text}\n${rationale}`;
  return `${rationale}\n\n<answer>${letter}</answer>`;
}

function formatValue(style: DemoConfig["persona"]["style"], value: string, lead: string): string {
  if (style === "boxed") return `${lead} The answer is \\boxed{${value}}.`;
  if (style === "letter") return `${lead} Answer: ${value}`;
  return `${lead}\n\n<answer>${value}</answer>`;
}

/** A question as displayed in one variant: shared by every configuration (prompt JSON cached). */
type Prepared = {
  /** Question difficulty (logit), and the benchmark/subtask mean it was drawn around. */
  b: number;
  meanB: number;
  prompt: Message[];
  promptJson: string;
  promptChars: number;
  answer: string;
  answerJson: string;
  /** Config-independent `info` (null for judged rows, whose info holds the judges' verdicts). */
  info: Record<string, unknown> | null;
  infoJson: string | null;
} & (
  | { kind: "mcq"; q: McqQuestion; perm: number[]; shown: string[]; goldPos: number; idkPos: number; wrong: number[] }
  | { kind: "calc"; calcName: string; unit: string; gt: number; lo: number; hi: number; exact: boolean; scale: number }
  | { kind: "medhallu"; gold: string }
  | { kind: "sct"; mode: number; dist: number[]; maxCount: number }
  | { kind: "judged"; oq: OpenQuestion }
);

/** Questions of every dataset, built once per generation and reused by every configuration. */
export class QuestionBank {
  private cache = new Map<string, Prepared[]>();

  forVariant(bench: CatalogBenchmark, variant: CatalogVariant): Prepared[] {
    const key = `${bench.slug}|${variant.envId}|${variant.variantId}`;
    let list = this.cache.get(key);
    if (!list) {
      list = [];
      this.cache.set(key, list);
    }
    return list;
  }

  /** Forget a variant's questions (they are rebuilt identically if asked for again). */
  drop(bench: CatalogBenchmark, variant: CatalogVariant): void {
    this.cache.delete(`${bench.slug}|${variant.envId}|${variant.variantId}`);
  }
}

function finish<T extends object>(
  base: { b: number; meanB: number; system: string | null; user: string; answer: string; info: Record<string, unknown> | null },
  rest: T,
) {
  const prompt: Message[] =
    base.system === null ? [{ role: "user", content: base.user }] : [{ role: "system", content: base.system }, { role: "user", content: base.user }];
  return {
    b: base.b,
    meanB: base.meanB,
    prompt,
    promptJson: JSON.stringify(prompt),
    promptChars: (base.system?.length ?? 0) + base.user.length,
    answer: base.answer,
    answerJson: JSON.stringify(base.answer),
    info: base.info,
    infoJson: base.info ? JSON.stringify(base.info) : null,
    ...rest,
  };
}

function prepare(bench: CatalogBenchmark, variant: CatalogVariant, exampleId: number): Prepared {
  const kind = taskKind(bench);
  // question identity: the same across answer orders and repeats of a subtask
  const qKey = [bench.slug, variant.envId, variant.subtask, exampleId] as const;
  const meanB = benchDifficulty(bench.slug, variant.subtask);
  const b = meanB + rngFor("difficulty", ...qKey).normal();
  const qr = rngFor("question", ...qKey);
  switch (kind) {
    case "mcq": {
      const q = mcqFor(qr, bench.slug, variant, exampleId);
      const perm = shufflePermutation(q, variant.orderSeed === null ? null : rngFor("perm", ...qKey, variant.orderSeed));
      const shown = perm.map((i) => q.options[i]);
      const options: Record<string, string> = {};
      shown.forEach((t, i) => (options[LETTERS[i]] = t));
      const goldPos = perm.indexOf(q.gold);
      const user = `Question: ${q.stem}\n${shown.map((t, i) => `${LETTERS[i]}. ${t}`).join("\n")}\nAnswer:`;
      const wrong = q.options.map((_, i) => i).filter((i) => i !== q.gold && q.options[i] !== IDK);
      return finish(
        { b, meanB, system: MCQ_SYSTEM, user, answer: LETTERS[goldPos], info: { options, answer_text: q.options[q.gold] } },
        { kind, q, perm, shown, goldPos, idkPos: shown.indexOf(IDK), wrong },
      );
    }
    case "calc": {
      const calc = qr.pick(CALCULATORS);
      const scale = 10 ** calc.decimals;
      const gt = Math.round((calc.lo + (calc.hi - calc.lo) * qr.next()) * scale) / scale;
      const exact = calc.decimals === 0;
      const lo = exact ? gt : Math.round(gt * 0.95 * scale) / scale;
      const hi = exact ? gt : Math.round(gt * 1.05 * scale) / scale;
      const system =
        "You are a helpful assistant for calculating a score for a given patient note. Please think step-by-step to solve the question and then give the final answer inside <answer></answer> tags.";
      const user = `Here is the patient note:\n${vignette(qr)}\n\nHere is the task:\nUsing the ${calc.name}, what is the patient's value (${calc.unit})?`;
      const info = { calc_id: calc.id, ground_truth: String(gt), lower_bound: String(lo), upper_bound: String(hi) };
      return finish({ b, meanB, system, user, answer: String(gt), info }, { kind, calcName: calc.name, unit: calc.unit, gt, lo, hi, exact, scale });
    }
    case "medhallu": {
      const hallucinated = qr.chance(0.5);
      const dx = qr.pick(DIAGNOSES);
      const claim = hallucinated ? `${qr.pick(DIAGNOSES)} is the underlying cause in most cases.` : `${qr.pick(FINDINGS)} supports the diagnosis.`;
      const system = "You are an AI assistant with extensive knowledge in the field of medicine. Determine whether the answer contains a hallucination.";
      const user = `Question: What is known about ${dx.toLowerCase()}?\nAnswer: ${claim}\n\nReturn \\boxed{0} if the answer is factual, \\boxed{1} if it is hallucinated, or \\boxed{2} if you are unsure.`;
      const info = {
        original_type: hallucinated ? "hallucinated" : "factual",
        difficulty: variant.subtask,
        hallucination_category: hallucinated ? qr.pick(HALLUCINATION_CATEGORIES) : "N/A",
      };
      const gold = hallucinated ? "1" : "0";
      return finish({ b, meanB, system, user, answer: gold, info }, { kind, gold });
    }
    case "sct": {
      const mode = qr.range(-2, 2);
      const spread = 0.6 + 1.6 * qr.next();
      const dist = [-2, -1, 0, 1, 2].map((v) => Math.max(0, Math.round(8 * Math.exp(-((v - mode) ** 2) / spread) + qr.normal() * 0.8)));
      dist[mode + 2] = Math.max(...dist) + (qr.chance(0.6) ? 1 : 0);
      const user =
        `Scenario: ${vignette(qr)}\nIf you were thinking of: ${qr.pick(DIAGNOSES)}\nAnd then you find: ${qr.pick(FINDINGS).toLowerCase()}\n` +
        "This hypothesis becomes: -2 (ruled out), -1 (less likely), 0 (neither), +1 (more likely), +2 (almost certain).\nRespond as 'Rating: <value>'.";
      return finish({ b, meanB, system: null, user, answer: String(mode), info: { ans_distribution: [dist] } }, { kind, mode, dist, maxCount: Math.max(...dist) });
    }
    default: {
      const oq = makeOpenQuestion(qr, bench.slug, variant.subtask);
      return finish({ b, meanB, system: oq.system, user: oq.user, answer: oq.reference, info: null }, { kind: "judged" as const, oq });
    }
  }
}

/**
 * The MCQ question of a variant. Medbullets' two subtasks are the same questions with 5 or 4
 * options (one distractor dropped), as in the real benchmark.
 */
function mcqFor(qr: Rng, benchSlug: string, variant: CatalogVariant, exampleId: number): McqQuestion {
  if (benchSlug !== "medbullets") return makeMcq(qr, benchSlug, variant.subtask);
  const q = makeMcq(rngFor("question", benchSlug, variant.envId, "num_options-5", exampleId), benchSlug, "num_options-5");
  if (!variant.subtask.includes("num_options-4")) return q;
  const last = q.options.length - 1;
  // never drop the gold, a fixed option, or (for "Both A and B") the options that answer refers to
  const droppable = q.options.map((_, i) => i).filter((i) => i !== q.gold && !q.fixed[i] && !(q.noShuffle && (i < 2 || i === last)));
  const drop = droppable[rngFor("drop", benchSlug, exampleId).int(droppable.length)];
  const keep = (_: unknown, i: number) => i !== drop;
  return { ...q, options: q.options.filter(keep), fixed: q.fixed.filter(keep), gold: q.gold > drop ? q.gold - 1 : q.gold };
}

const HALLUCINATION_CATEGORIES = [
  "Misinterpretation of #Question#",
  "Incomplete Information",
  "Mechanism and Pathway Misattribution",
  "Methodological and Evidence Fabrication",
];

interface Outcome {
  completionText: string;
  reward: number;
  reasoning: string;
  /** Row-specific info (judged rows); null = the question's shared info. */
  info: Record<string, unknown> | null;
}

/** What the run's metadata needs from a row (the row itself is only kept as its JSON line). */
export interface RowSummary {
  exampleId: number;
  reward: number;
  numTurns: number;
  inputTokens: number;
  outputTokens: number;
  /** timing.total in seconds */
  total: number;
  failed: boolean;
}

/** The rows of one run in example-id order: summaries and serialized JSONL lines (no newline). */
export function generateRows(spec: RunSpec, bank: QuestionBank): { rows: RowSummary[]; lines: string[] } {
  const rows: RowSummary[] = new Array(spec.nQuestions);
  const lines: string[] = new Array(spec.nQuestions);
  const prepared = bank.forVariant(spec.bench, spec.variant);
  const metricKey = spec.bench.metric.key;
  // the metric is repeated at top level unless its name is a row field (MEDEC's metric is `reward`)
  const metricJson = JSON.stringify(metricKey);
  const topLevelMetric = ROW_FIELDS.has(metricKey) ? "" : `${metricJson}:`;
  for (let i = 0; i < spec.nQuestions; i++) {
    const prep = (prepared[i] ??= prepare(spec.bench, spec.variant, i));
    const r = generateRow(spec, prep, i, metricJson, topLevelMetric);
    rows[i] = r.summary;
    lines[i] = r.line;
  }
  return { rows, lines };
}

const ERROR_JSON = ERRORS.map((e) => JSON.stringify(e));

const ROW_FIELDS = new Set([
  "example_id", "prompt", "completion", "task", "answer", "info", "reward", "metrics", "num_turns", "timing",
  "is_completed", "is_truncated", "stop_condition", "token_usage", "error",
]);

function generateRow(
  spec: RunSpec,
  prep: Prepared,
  exampleId: number,
  metricJson: string,
  topLevelMetric: string,
): { line: string; summary: RowSummary } {
  const { cfg, bench, variant } = spec;
  const qKey = `${bench.slug}|${variant.envId}|${variant.subtask}|${exampleId}`;
  // order- and repeat-independent draw of this model family on this question
  const sharedLatent = rngFor("know", spec.familyKey, qKey).logistic();
  // this rollout (order/repeat specific): `${alias}|${envId}|${variantId}|${exampleId}`
  const rr = rngFor(cfg.alias, variant.envId, variant.variantId, exampleId);
  const ownNoise = rr.normal();
  const posBias = cfg.persona.posBias;
  const latent = 1.2 * (spec.theta - prep.b) + 0.9 * sharedLatent + (0.35 + 1.2 * posBias) * ownNoise;
  const truncated = rr.chance(showsReasoning(cfg) ? 0.015 : 0.003);
  const failed = rr.chance(0.0015);
  const style = cfg.persona.style;

  let out: Outcome;
  switch (prep.kind) {
    case "mcq": {
      let chosen: number;
      if (rr.chance(posBias)) chosen = 0;
      else if (latent > 0) chosen = prep.goldPos;
      else {
        const belief = rngFor("belief", cfg.alias, qKey);
        const conviction = clamp(0.8 - 2.5 * posBias, 0.15, 0.8);
        if (prep.idkPos >= 0 && rr.chance(cfg.persona.cautious ?? 0.05)) chosen = prep.idkPos;
        else if (belief.chance(conviction)) chosen = prep.perm.indexOf(belief.pick(prep.wrong));
        else chosen = rr.weighted(prep.shown.map((_, i) => Math.exp(-6 * posBias * i)));
      }
      const text = prep.shown[chosen];
      out = {
        completionText: formatChoice(style, LETTERS[chosen], mcqRationale(rr, text), text),
        reward: chosen === prep.goldPos ? 1 : 0,
        reasoning: reasoningText(rr, text, prep.shown[(chosen + 1) % prep.shown.length]),
        info: null,
      };
      break;
    }
    case "calc": {
      const { gt, lo, hi, exact, scale } = prep;
      const correct = latent > 0;
      let value: number;
      if (correct) value = clamp(exact ? gt : Math.round(gt * (1 + 0.02 * clamp(rr.normal(), -2, 2)) * scale) / scale, lo, hi);
      else {
        value = Math.round(gt * (1 + (rr.chance(0.5) ? 1 : -1) * (0.12 + 0.4 * rr.next())) * scale) / scale;
        if (value >= lo && value <= hi) value = Math.round((hi + 1 + gt * 0.2) * scale) / scale;
      }
      out = {
        completionText: formatValue(style, String(value), `Applying the ${prep.calcName} to the values in the note gives ${value} ${prep.unit}.`),
        reward: correct ? 1 : 0,
        reasoning: `I need the inputs for the ${prep.calcName}. Plugging them in gives about ${value}.`,
        info: null,
      };
      break;
    }
    case "medhallu": {
      const gold = prep.gold;
      let said: string;
      if (latent > 0) said = gold;
      else if (rr.chance(cfg.persona.cautious ?? 0.08)) said = "2";
      else said = rr.chance(0.5) ? gold : gold === "1" ? "0" : "1";
      const lead = said === "2" ? "I cannot verify this claim." : said === "1" ? "The claim is not supported." : "The claim is accurate.";
      out = {
        completionText: `${lead} \\boxed{${said}}`,
        reward: said === gold ? 1 : said === "2" ? 0.01 : 0,
        reasoning: "The answer's claim needs checking against what is known about the condition.",
        info: null,
      };
      break;
    }
    case "sct": {
      const rating = latent > 0 ? prep.mode : clamp(prep.mode + (rr.chance(0.75) ? (rr.chance(0.5) ? 1 : -1) : rr.range(-2, 2)), -2, 2);
      out = {
        completionText: `Rating: ${rating > 0 ? "+" : ""}${rating}`,
        reward: round(prep.dist[rating + 2] / prep.maxCount, 4),
        reasoning: "The new finding shifts the probability of the hypothesis.",
        info: null,
      };
      break;
    }
    default: {
      const quality = sigmoid(0.9 * (spec.theta - prep.b) + 0.6 * sharedLatent + 0.5 * ownNoise);
      const judged = judge(rr, bench, variant, quality);
      const text =
        bench.slug === "agentclinic" ? `DIAGNOSIS READY: ${quality > 0.5 ? prep.oq.reference : prep.oq.distractor}` : openAnswer(rr, prep.oq, quality);
      out = {
        completionText: text,
        reward: judged.score,
        reasoning: "The user needs a short, safe and accurate answer; cover the key point first.",
        info: { judge_feedback: [{ judges: judged.judges, score: judged.score }] },
      };
    }
  }

  // tokens (reasoning included) and latency
  const effort = effortAdjust(cfg.effort, cfg.persona.refEffort);
  const median = cfg.persona.outTokens * kindTokenFactor(prep.kind, cfg.model.reasoning) * effort.tokens;
  const hardness = (cfg.model.reasoning ? 0.25 : 0.08) * (prep.b - prep.meanB);
  let outputTokens = Math.max(1, Math.round(median * Math.exp(0.35 * rr.normal() + hardness)));
  const hiddenContext = bench.slug === "longhealth" ? 9000 + rr.int(3000) : 0; // LongHealth ships ~10k tokens of records
  const inputTokens = Math.round(prep.promptChars / 3.7) + 12 + hiddenContext;
  const maxTokens = cfg.model.reasoning ? 32768 : 8192;

  let completion: Message[];
  let reward = out.reward;
  let info = out.info;
  let stop: string | null = "stop";
  let error: RowError | null = null;
  let numTurns = 1;
  const thinking = showsReasoning(cfg);
  if (failed) {
    error = rr.pick(ERRORS);
    completion = [];
    reward = 0;
    stop = null;
    outputTokens = 0;
    numTurns = 0;
    if (prep.kind === "judged") info = { judge_feedback: [] };
  } else if (truncated) {
    outputTokens = maxTokens;
    stop = "length";
    reward = 0;
    if (prep.kind === "judged") info = { judge_feedback: [] };
    completion = [
      thinking
        ? { role: "assistant", content: "", reasoning_content: `${out.reasoning} Wait, let me reconsider the other options once more...` }
        : { role: "assistant", content: `${out.completionText.split("\n")[0].slice(0, 80)} Let me re-check each option again carefully before` },
    ];
  } else {
    completion = [thinking ? { role: "assistant", content: out.completionText, reasoning_content: out.reasoning } : { role: "assistant", content: out.completionText }];
  }

  const generation = failed
    ? 0.5 + rr.next() * 30
    : 0.25 + (outputTokens / cfg.persona.tps) * Math.exp(0.15 * rr.normal()) + inputTokens / 8000;
  const scoring = prep.kind === "judged" && !failed ? 1.2 + 4 * rr.next() : 0.0004 + 0.002 * rr.next();

  // Serialized by hand (the hot path): the same JSON as JSON.stringify of a `DemoRow`, key order included.
  const infoJson = info ? JSON.stringify(info) : (prep.infoJson ?? "{}");
  const errorJson = error ? ERROR_JSON[ERRORS.indexOf(error)] : "null";
  const g = round(generation, 3);
  const sc = round(scoring, 4);
  const usage = spec.hasUsage
    ? `"token_usage":{"input_tokens":${inputTokens},"output_tokens":${outputTokens},"final_input_tokens":${inputTokens},"final_output_tokens":${outputTokens}},`
    : "";
  const line =
    `{"example_id":${exampleId},"prompt":${prep.promptJson},"completion":${JSON.stringify(completion)},"task":"default",` +
    `"answer":${prep.answerJson},"info":${infoJson},"reward":${reward},"metrics":{${metricJson}:${reward},"num_turns":${numTurns}},` +
    `${topLevelMetric ? `${topLevelMetric}${reward},` : ""}"num_turns":${numTurns},"timing":{"generation":{"duration":${g}},"scoring":{"duration":${sc}},"total":${round(generation + scoring, 3)}},` +
    `"is_completed":true,"is_truncated":${truncated && !failed},"stop_condition":${stop === null ? "null" : JSON.stringify(stop)},${usage}"error":${errorJson}}`;
  return {
    line,
    summary: { exampleId, reward, numTurns, inputTokens, outputTokens: spec.hasUsage ? outputTokens : 0, total: round(generation + scoring, 3), failed },
  };
}

const HELM_DIMENSIONS = ["accuracy", "completeness", "clarity"];

/** Judge verdicts for an open-ended answer of latent `quality` in (0, 1). */
function judge(
  rr: Rng,
  bench: CatalogBenchmark,
  variant: CatalogVariant,
  quality: number,
): { judges: JudgeVerdict[]; score: number } {
  let models = bench.judgeModels;
  if (models.length === 0) {
    const fromArgs = variant.envArgs.judge_model;
    models = Array.isArray(fromArgs) ? fromArgs.map(String) : typeof fromArgs === "string" ? [fromArgs] : ["openai/gpt-5-mini"];
  }
  const judges: JudgeVerdict[] = models.map((model, j) => {
    if (rr.chance(0.004)) {
      return { model, raw: "", error: "JSONDecodeError: Expecting value: line 1 column 1 (char 0)", scores: {}, score: null };
    }
    const harsh = j === 1 ? -0.25 : 0; // the second judge is a little stricter
    const q = clamp(quality + 0.12 * rr.normal(), 0, 1);
    let scores: Record<string, number | string>;
    let score: number;
    if (bench.slug === "healthbench") {
      const possible = rr.range(8, 24);
      const earned = clamp(Math.round(q * possible + rr.normal()), 0, possible);
      scores = { points_earned: earned, points_possible: possible };
      score = earned / possible;
    } else if (bench.slug === "medec") {
      const flag = q > 0.3 ? 1 : 0;
      const sentence = flag && q > 0.45 ? 1 : 0;
      const correction = sentence ? round(clamp(q + 0.1 * rr.normal(), 0, 1), 2) : 0;
      scores = { error_flag: flag, error_sentence: sentence, correction };
      score = 0.3 * flag + 0.3 * sentence + 0.4 * correction;
    } else if (bench.slug === "medcasereasoning" || bench.slug === "agentclinic") {
      const yes = q + 0.05 * harsh > 0.5;
      scores = { correct: yes ? "yes" : "no" };
      score = yes ? 1 : 0;
    } else {
      scores = {};
      let sum = 0;
      for (const dim of HELM_DIMENSIONS) {
        const s = clamp(Math.round(1 + 4 * q + harsh + 0.5 * rr.normal()), 1, 5);
        scores[dim] = s;
        sum += (s - 1) / 4;
      }
      score = sum / HELM_DIMENSIONS.length;
    }
    return { model, raw: JSON.stringify(scores), error: null, scores, score: round(score, 4) };
  });
  const ok = judges.filter((j) => j.score !== null);
  const score = ok.length ? round(ok.reduce((s, j) => s + (j.score as number), 0) / ok.length, 4) : 0;
  return { judges, score };
}
