/**
 * Normalised views of a transcript's untrusted JSON (prompt/completion messages, info, the judges'
 * feedback). Everything comes out as plain strings and numbers for text rendering; nothing here
 * interprets markup. Shapes follow spec §1: messages `{role, content, reasoning_content?,
 * tool_calls?}` or plain strings; `info.judge_feedback`: `[{judges: [{model, raw, error, scores,
 * score}], score}]`.
 */

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export interface MessageView {
  /** `system`, `user`, `assistant`, `tool`, ...; "text" for a plain-string prompt or completion. */
  role: string;
  content: string;
  reasoning: string | null;
  /** `tool_calls` as indented JSON text. */
  toolCalls: string | null;
  /** Any other fields (`name`, `tool_call_id`, ...) as indented JSON text. */
  extra: string | null;
}

/** JSON text of any value; strings stay as they are. */
export function jsonText(v: unknown): string {
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    return String(v);
  }
}

function contentText(content: unknown): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof p === "string" ? p : isObj(p) && typeof p.text === "string" ? p.text : jsonText(p)))
      .join("\n");
  }
  return jsonText(content);
}

const KNOWN_KEYS = new Set(["role", "content", "reasoning_content", "reasoning", "tool_calls"]);

function messageOf(m: unknown): MessageView {
  if (!isObj(m)) return { role: "text", content: contentText(m), reasoning: null, toolCalls: null, extra: null };
  const reasoning =
    typeof m.reasoning_content === "string" && m.reasoning_content !== ""
      ? m.reasoning_content
      : typeof m.reasoning === "string" && m.reasoning !== ""
        ? m.reasoning
        : null;
  const toolCalls = m.tool_calls === undefined || m.tool_calls === null || (Array.isArray(m.tool_calls) && m.tool_calls.length === 0) ? null : jsonText(m.tool_calls);
  const rest = Object.fromEntries(Object.entries(m).filter(([k, v]) => !KNOWN_KEYS.has(k) && v !== null && v !== undefined));
  return {
    role: typeof m.role === "string" && m.role !== "" ? m.role : "message",
    content: contentText(m.content),
    reasoning,
    toolCalls,
    extra: Object.keys(rest).length ? jsonText(rest) : null,
  };
}

/** The messages of a prompt or completion (a list of messages, or one plain string). */
export function messagesOf(value: unknown): MessageView[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(messageOf);
  return [messageOf(value)];
}

export interface JudgeVerdictView {
  model: string | null;
  score: number | null;
  error: string | null;
  /** The judge's raw output. */
  raw: string | null;
  /** Per-criterion scores in the order given; numbers stay numbers, anything else becomes text. */
  scores: { key: string; value: number | string }[];
}

export interface JudgeRoundView {
  score: number | null;
  judges: JudgeVerdictView[];
}

function verdictOf(j: unknown): JudgeVerdictView {
  if (!isObj(j)) return { model: null, score: finite(j), error: null, raw: finite(j) === null && j != null ? jsonText(j) : null, scores: [] };
  const scores = isObj(j.scores)
    ? Object.entries(j.scores).map(([key, v]) => ({ key, value: finite(v) ?? jsonText(v) }))
    : j.scores === undefined || j.scores === null
      ? []
      : [{ key: "scores", value: jsonText(j.scores) }];
  const err = j.error === undefined || j.error === null || j.error === "" ? null : jsonText(j.error);
  return {
    model: typeof j.model === "string" ? j.model : j.model == null ? null : jsonText(j.model),
    score: finite(j.score),
    error: err,
    raw: j.raw === undefined || j.raw === null ? null : jsonText(j.raw),
    scores,
  };
}

/** `info.judge_feedback` normalised (a single object is accepted as a one-round list). */
export function judgeRoundsOf(info: unknown): JudgeRoundView[] {
  if (!isObj(info)) return [];
  const fb = info.judge_feedback;
  const list = Array.isArray(fb) ? fb : isObj(fb) ? [fb] : [];
  return list.map((round) => {
    if (!isObj(round)) return { score: finite(round), judges: [] };
    const judges = Array.isArray(round.judges) ? round.judges.map(verdictOf) : isObj(round.judges) ? [verdictOf(round.judges)] : [];
    return { score: finite(round.score), judges };
  });
}

/** `info.options` as label → text (string values only), or null. */
export function infoOptions(info: unknown): Record<string, string> | null {
  if (!isObj(info) || !isObj(info.options)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.options)) if (typeof v === "string") out[k] = v;
  return Object.keys(out).length ? out : null;
}

/** The info fields not shown elsewhere, each as text (strings as they are, the rest as JSON). */
export function infoEntries(info: unknown, shown: readonly string[] = ["options", "judge_feedback"]): { key: string; text: string }[] {
  if (!isObj(info)) return [];
  return Object.entries(info)
    .filter(([k]) => !shown.includes(k))
    .map(([key, v]) => ({ key, text: jsonText(v) }));
}
