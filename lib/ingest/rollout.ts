/** One results.jsonl line, normalised into what the database stores (rollouts + transcripts). */
import { IngestError } from "./errors";
import type { RunFormat } from "./metadata";
import { chosenOptionText, optionsFromPrompt, parseAnswer } from "./parse-answer";

export interface RolloutRecord {
  exampleId: string;
  rolloutIndex: number;
  reward: number | null;
  metrics: Record<string, number> | null;
  gold: string | null;
  parsedAnswer: string | null;
  chosenText: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  judgeInputTokens: number | null;
  judgeOutputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  error: string | null;
  stopCondition: string | null;
  truncated: boolean | null;
  hasReasoning: boolean;
  prompt: unknown;
  completion: unknown;
  info: unknown;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n);
};

/** Text content of a chat message (`content` may be a string or a list of parts). */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof p === "string" ? p : isObj(p) && typeof p.text === "string" ? p.text : ""))
      .join("");
  }
  return "";
}

/** The final answer text: the last assistant message's content (or the plain string). */
export function completionText(completion: unknown): string {
  if (typeof completion === "string") return completion;
  if (!Array.isArray(completion)) return "";
  for (let i = completion.length - 1; i >= 0; i--) {
    const m = completion[i];
    if (isObj(m) && m.role === "assistant") {
      const text = contentText(m.content);
      if (text.trim() !== "") return text;
    }
  }
  return "";
}

export function promptText(prompt: unknown): string {
  if (typeof prompt === "string") return prompt;
  if (!Array.isArray(prompt)) return "";
  for (let i = prompt.length - 1; i >= 0; i--) {
    const m = prompt[i];
    if (isObj(m) && m.role === "user") return contentText(m.content);
  }
  return "";
}

export function hasReasoning(completion: unknown): boolean {
  if (!Array.isArray(completion)) return false;
  return completion.some(
    (m) => isObj(m) && ((typeof m.reasoning_content === "string" && m.reasoning_content.trim() !== "") || (typeof m.reasoning === "string" && m.reasoning.trim() !== "")),
  );
}

function metricsOf(row: Json, format: RunFormat): Record<string, number> | null {
  if (isObj(row.metrics)) {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(row.metrics)) if (typeof v === "number") out[k] = v;
    return out;
  }
  if (format === "C") {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(row)) if (k !== "reward" && k !== "id" && typeof v === "number") out[k] = v;
    return Object.keys(out).length ? out : null;
  }
  return null;
}

export function errorText(e: unknown): string | null {
  if (e === null || e === undefined || e === "") return null;
  if (typeof e === "string") return e;
  if (isObj(e)) {
    if (typeof e.error === "string") return e.error;
    if (typeof e.error_chain_str === "string") return e.error_chain_str;
  }
  return JSON.stringify(e);
}

export function optionsOf(info: unknown): Record<string, string> | null {
  if (!isObj(info) || !isObj(info.options)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.options)) if (typeof v === "string") out[k] = v;
  return Object.keys(out).length ? out : null;
}

/**
 * Normalise a parsed JSON row of Gen A / A′ (and Gen C, which names the id `id`).
 * `rolloutIndex` is given by the caller (the n-th row of the same example id).
 */
export function normalizeRow(row: unknown, format: RunFormat, file: string, line: number, rolloutIndex: number): RolloutRecord {
  if (!isObj(row)) throw new IngestError(file, "each line must be a JSON object", line);
  const idField = format === "C" ? "id" : "example_id";
  const rawId = row[idField] ?? (format === "C" ? row.example_id : undefined);
  if (rawId === undefined || rawId === null || rawId === "") throw new IngestError(file, "missing question id", line, idField);
  if (typeof rawId !== "number" && typeof rawId !== "string") throw new IngestError(file, "must be an integer or a string", line, idField);
  if (row.reward !== undefined && row.reward !== null && typeof row.reward !== "number") {
    throw new IngestError(file, `must be a number or null, got ${JSON.stringify(row.reward)}`, line, "reward");
  }
  if (row.prompt !== undefined && typeof row.prompt !== "string" && !Array.isArray(row.prompt)) {
    throw new IngestError(file, "must be a list of messages or a string", line, "prompt");
  }
  if (row.completion !== undefined && typeof row.completion !== "string" && !Array.isArray(row.completion)) {
    throw new IngestError(file, "must be a list of messages or a string", line, "completion");
  }
  const info = row.info ?? null;
  const text = completionText(row.completion);
  const parsedAnswer = parseAnswer(text);
  const options = optionsOf(info) ?? optionsFromPrompt(promptText(row.prompt));
  const usage = isObj(row.token_usage) ? row.token_usage : null;
  const timing = isObj(row.timing) ? row.timing : null;
  const seconds =
    num(timing?.total) ?? (isObj(timing?.generation) ? num((timing.generation as Json).duration) : null);
  const gold = row.answer === undefined || row.answer === null ? null : String(row.answer);
  return {
    exampleId: String(rawId),
    rolloutIndex,
    reward: typeof row.reward === "number" ? row.reward : null,
    metrics: metricsOf(row, format),
    gold,
    parsedAnswer,
    chosenText: chosenOptionText(parsedAnswer, options),
    inputTokens: int(usage?.input_tokens),
    outputTokens: int(usage?.output_tokens),
    reasoningTokens: int(usage?.reasoning_tokens),
    judgeInputTokens: null,
    judgeOutputTokens: null,
    costUsd: null,
    latencyMs: seconds === null ? null : Math.round(seconds * 1000),
    error: errorText(row.error),
    stopCondition: typeof row.stop_condition === "string" ? row.stop_condition : null,
    truncated: typeof row.is_truncated === "boolean" ? row.is_truncated : null,
    hasReasoning: hasReasoning(row.completion),
    prompt: row.prompt ?? null,
    completion: row.completion ?? null,
    info,
  };
}
