/**
 * The run page's sample browser: one run's rollouts as list rows, filtered and sorted, in keyset
 * pages (never OFFSET: a deep page costs what the first one does).
 *
 * Order: the sort value (reward, output tokens or latency; none for `id`) in the chosen direction
 * with nulls always last, then the id key (length(example_id), example_id, rollout_index) ascending
 * — so numeric example ids sort numerically and the order is total. `id` sorts by the id key in
 * the chosen direction. Example ids compare bytewise (`collate "C"`), the same on every database.
 *
 * Paging: `after` = the cursor of the last row shown (next page); `before` = the cursor of the first
 * row shown (previous page: the rows just before it, read in reverse). A `before` page that reaches
 * the start is the first page; the pager also always offers "first page".
 *
 * Text search: a literal, case-insensitive substring of any message text (content, text parts,
 * reasoning) of the prompt or the completion, via a jsonpath `like_regex ... flag "iq"` passed as
 * a parameter. Without an index it reads the run's transcripts (~100 ms for 5 000 rows); with the
 * trigram indexes SEARCH_INDEXES on (run_id, prompt::text) / (run_id, completion::text) a match on
 * the JSON text first narrows it to the candidates (~10 ms).
 *
 * Every statement is restricted by run_id first (the primary-key prefix of rollouts and
 * transcripts) and takes its values as parameters.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { decodeCursor, encodeCursor, type CursorKey } from "../samples/cursor";
import { DEFAULT_SAMPLE_PARAMS, type SampleFilters, type SampleParams, type SampleSort } from "../samples/params";
import { excerpt, EXCERPT_FETCH, jsonContainsPattern, searchJsonPath } from "../samples/text";

export { parseSampleParams, sampleParamsToSearch } from "../samples/params";
export type { SampleParams } from "../samples/params";

export interface SampleListRow {
  exampleId: string;
  rolloutIndex: number;
  reward: number | null;
  /** Gold, parsed answer and chosen option text, each cut to a list-sized prefix. */
  gold: string | null;
  parsedAnswer: string | null;
  chosenText: string | null;
  /** Parsed answer and gold both present and different (case and whitespace ignored). */
  mismatch: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  latencyMs: number | null;
  error: boolean;
  /** The error's first line, cut short; null without an error. */
  errorText: string | null;
  truncated: boolean | null;
  hasReasoning: boolean;
  /** One-line plain-text excerpt of the last completion message with text; "" when there is none. */
  excerpt: string;
}

export interface SamplePage {
  runId: number;
  /** The params the page was read with (an invalid cursor already dropped). */
  params: SampleParams;
  rows: SampleListRow[];
  /** Rows matching the filters, and all rows of the run. */
  matching: number;
  total: number;
  /** `after` cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /** `before` cursor of the previous page; null on the first page. */
  prevCursor: string | null;
  /** True when this is the first page (no rows before it). */
  isFirstPage: boolean;
}

const SORT_COLUMN: Record<SampleSort, string | null> = {
  id: null,
  reward: "reward",
  tokens: "output_tokens",
  latency: "latency_ms",
};

/** Collects parameters and hands out their `$n` placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const idKey = (t: string) => [`length(${t}example_id)`, `${t}example_id collate "C"`, `${t}rollout_index`];

/** (length(example_id), example_id, rollout_index) <op> the key's. */
function idCompare(op: "<" | ">", key: CursorKey, p: Params): string {
  const id = p.add(key.exampleId);
  return `(length(example_id), example_id collate "C", rollout_index) ${op} (length(${id}::text), ${id}::text collate "C", ${p.add(key.rolloutIndex)}::int)`;
}

/** Keyset condition: rows strictly after (`after`) or before (`before`) `key` in the forward order. */
function keysetCondition(sort: SampleSort, dir: "asc" | "desc", key: CursorKey, side: "after" | "before", p: Params): string {
  const col = SORT_COLUMN[sort];
  if (col === null) {
    const forward = dir === "asc" ? ">" : "<";
    const op = side === "after" ? forward : forward === ">" ? "<" : ">";
    return idCompare(op, key, p);
  }
  const cast = sort === "reward" ? "float8" : "int";
  if (side === "after") {
    if (key.value === null) return `(${col} is null and ${idCompare(">", key, p)})`; // inside the trailing nulls
    const v = `${p.add(key.value)}::${cast}`;
    const beyond = dir === "asc" ? ">" : "<";
    return `(${col} ${beyond} ${v} or (${col} = ${v} and ${idCompare(">", key, p)}) or ${col} is null)`;
  }
  if (key.value === null) return `(${col} is not null or ${idCompare("<", key, p)})`;
  const v = `${p.add(key.value)}::${cast}`;
  const behind = dir === "asc" ? "<" : ">";
  return `(${col} ${behind} ${v} or (${col} = ${v} and ${idCompare("<", key, p)}))`;
}

/** ORDER BY of the forward order, or of its exact reverse (for `before` pages); `t` qualifies the columns. */
function orderBy(sort: SampleSort, dir: "asc" | "desc", reverse: boolean, t = ""): string {
  const flip = (d: "asc" | "desc") => (reverse ? (d === "asc" ? "desc" : "asc") : d);
  const col = SORT_COLUMN[sort];
  if (col === null) return idKey(t).map((k) => `${k} ${flip(dir)}`).join(", ");
  return [`${t}${col} ${flip(dir)} nulls ${reverse ? "first" : "last"}`, ...idKey(t).map((k) => `${k} ${flip("asc")}`)].join(", ");
}

/** Normalised text for the parsed ≠ gold comparison: lower case, no whitespace. */
const norm = (col: string) => `lower(regexp_replace(${col}, '\\s+', '', 'g'))`;

/**
 * Trigram indexes that make the text search cheap at scale (see the module note). The search
 * uses them when they exist — checked per database client, again after a minute so a migration
 * that adds them is picked up — and works without them by scanning the run's transcripts.
 */
export const SEARCH_INDEXES = ["transcripts_prompt_trgm", "transcripts_completion_trgm"] as const;
const indexCheck = new WeakMap<RawClient, { at: number; present: Promise<boolean> }>();

function hasSearchIndexes(raw: RawClient): Promise<boolean> {
  const cached = indexCheck.get(raw);
  if (cached && Date.now() - cached.at < 60_000) return cached.present;
  const present = raw
    .query<{ n: number }>(`select count(*)::int as n from pg_indexes where tablename = 'transcripts' and indexname = any($1::text[])`, [[...SEARCH_INDEXES]])
    .then((r) => Number(r[0]?.n) === SEARCH_INDEXES.length);
  indexCheck.set(raw, { at: Date.now(), present });
  present.catch(() => indexCheck.delete(raw));
  return present;
}

/** WHERE conditions (on rollouts, unqualified columns) for the filters. */
function filterConditions(f: SampleFilters, p: Params, indexed: boolean): string[] {
  const where: string[] = [];
  if (f.outcome === "correct") where.push(`reward >= 1`);
  else if (f.outcome === "wrong") where.push(`reward <= 0`);
  else if (f.outcome === "partial") where.push(`reward > 0 and reward < 1`);
  if (f.minReward !== null) where.push(`reward >= ${p.add(f.minReward)}::float8`);
  if (f.maxReward !== null) where.push(`reward <= ${p.add(f.maxReward)}::float8`);
  const mismatch = `(parsed_answer is not null and gold is not null and ${norm("parsed_answer")} <> ${norm("gold")})`;
  if (f.mismatch !== null) where.push(f.mismatch ? mismatch : `not ${mismatch}`);
  if (f.truncated !== null) where.push(f.truncated ? `truncated is true` : `truncated is not true`);
  const error = `(error is not null and error <> '')`;
  if (f.error !== null) where.push(f.error ? error : `not ${error}`);
  if (f.reasoning !== null) where.push(f.reasoning ? `has_reasoning` : `not has_reasoning`);
  if (f.q) {
    // One jsonpath (a parameter, not SQL) looks for the text, literally and case-insensitively, in
    // each message's text fields — never in keys or roles — of the prompt and the completion. With
    // the trigram indexes, a match on the JSON text first narrows the rows to the candidates.
    const path = p.add(searchJsonPath(f.q));
    const prefilter = indexed
      ? (() => {
          const like = p.add(jsonContainsPattern(f.q));
          return `(t.prompt::text ilike ${like} escape '\\' or t.completion::text ilike ${like} escape '\\') and `;
        })()
      : "";
    where.push(`exists (
      select 1 from transcripts t
      where t.run_id = rollouts.run_id and t.example_id = rollouts.example_id and t.rollout_index = rollouts.rollout_index
        and ${prefilter}(jsonb_path_exists(t.completion, ${path}::jsonpath) or jsonb_path_exists(t.prompt, ${path}::jsonpath)))`);
  }
  return where;
}

interface ListRow {
  example_id: string;
  rollout_index: number;
  reward: number | null;
  gold: string | null;
  parsed_answer: string | null;
  chosen_text: string | null;
  mismatch: boolean;
  input_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  latency_ms: number | null;
  error_text: string | null;
  truncated: boolean | null;
  has_reasoning: boolean;
  excerpt: string | null;
}

const LIST_TEXT = 200;

/** SQL: the last message of a completion (jsonb `col`) with text, or the completion string, cut to EXCERPT_FETCH characters. */
export function excerptSql(col: string): string {
  return `case jsonb_typeof(${col})
    when 'string' then left(${col} #>> '{}', ${EXCERPT_FETCH})
    when 'array' then (
      select left(x.text, ${EXCERPT_FETCH}) from (
        select case jsonb_typeof(e.v) when 'string' then e.v #>> '{}' else e.v ->> 'content' end as text, e.i
        from jsonb_array_elements(${col}) with ordinality e(v, i)
      ) x
      where x.text is not null and btrim(left(x.text, ${EXCERPT_FETCH})) <> ''
      order by x.i desc limit 1)
  end`;
}

function keyOf(sort: SampleSort, r: ListRow): CursorKey {
  const col = SORT_COLUMN[sort];
  const value = col === null ? null : ((r as unknown as Record<string, number | null>)[col] ?? null);
  return { value: value === null ? null : Number(value), exampleId: r.example_id, rolloutIndex: Number(r.rollout_index) };
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRow(r: ListRow): SampleListRow {
  const errorText = r.error_text === null || r.error_text === "" ? null : excerpt(r.error_text, 120);
  return {
    exampleId: r.example_id,
    rolloutIndex: Number(r.rollout_index),
    reward: num(r.reward),
    gold: r.gold,
    parsedAnswer: r.parsed_answer,
    chosenText: r.chosen_text,
    mismatch: Boolean(r.mismatch),
    inputTokens: num(r.input_tokens),
    outputTokens: num(r.output_tokens),
    reasoningTokens: num(r.reasoning_tokens),
    latencyMs: num(r.latency_ms),
    error: errorText !== null,
    errorText,
    truncated: r.truncated,
    hasReasoning: Boolean(r.has_reasoning),
    excerpt: excerpt(r.excerpt),
  };
}

/** One page of a run's samples (an empty page for a run id that does not exist). */
export async function listSamples(runId: number, params: SampleParams = DEFAULT_SAMPLE_PARAMS, rawArg?: RawClient): Promise<SamplePage> {
  const empty: SamplePage = { runId, params: { ...params, after: null, before: null }, rows: [], matching: 0, total: 0, nextCursor: null, prevCursor: null, isFirstPage: true };
  if (!Number.isSafeInteger(runId) || runId <= 0 || runId > 2_147_483_647) return empty;
  const raw = rawArg ?? (await getDbHandle()).raw;
  const { sort, dir } = params;
  const size = Math.max(1, Math.min(200, Math.floor(params.size) || 50));
  const afterKey = decodeCursor(params.after, sort, dir);
  const beforeKey = afterKey ? null : decodeCursor(params.before, sort, dir);
  const used: SampleParams = { ...params, size, after: afterKey ? params.after : null, before: beforeKey ? params.before : null };
  const indexed = params.q ? await hasSearchIndexes(raw) : false;

  /**
   * One statement: the run's matching rows are collected once (`m`, so a text search reads each
   * transcript once), then counted, paged and checked for rows beyond the page's edge: rows not
   * after the `after` key (a previous page exists) or not before the `before` key (a next page
   * exists). Excerpts are read for the page's rows only.
   */
  const read = async (key: CursorKey | null, side: "after" | "before", limit: number) => {
    const p = new Params();
    const run = p.add(runId);
    const filters = filterConditions(params, p, indexed);
    const keyset = key ? `coalesce(${keysetCondition(sort, dir, key, side, p)}, false)` : null;
    const reverse = side === "before";
    const rows = await raw.query<ListRow & { found: boolean; matching: number; total: number; beyond: boolean }>(
      `with m as materialized (
         select example_id, rollout_index, reward, gold, parsed_answer, chosen_text, input_tokens, output_tokens, reasoning_tokens,
                latency_ms, error, truncated, has_reasoning
         from rollouts
         where run_id = ${run}${filters.map((f) => ` and ${f}`).join("")}
       ),
       page as (
         select * from m${keyset ? ` where ${keyset}` : ""}
         order by ${orderBy(sort, dir, reverse)}
         limit ${p.add(limit)}
       ),
       c as (
         select exists (select 1 from runs where id = ${run}) as found,
                (select count(*) from m)::int as matching,
                (select count(*) from rollouts where run_id = ${run})::int as total,
                ${keyset ? `exists (select 1 from m where not ${keyset})` : "false"} as beyond
       )
       select c.found, c.matching, c.total, c.beyond,
              page.example_id, page.rollout_index, page.reward,
              left(page.gold, ${LIST_TEXT}) as gold, left(page.parsed_answer, ${LIST_TEXT}) as parsed_answer,
              left(page.chosen_text, ${LIST_TEXT}) as chosen_text,
              (page.parsed_answer is not null and page.gold is not null and ${norm("page.parsed_answer")} <> ${norm("page.gold")}) as mismatch,
              page.input_tokens, page.output_tokens, page.reasoning_tokens, page.latency_ms,
              left(nullif(page.error, ''), 500) as error_text, page.truncated, page.has_reasoning,
              ${excerptSql("t.completion")} as excerpt
       from c
       left join page on true
       left join transcripts t on t.run_id = ${run} and t.example_id = page.example_id and t.rollout_index = page.rollout_index
       order by ${orderBy(sort, dir, reverse, "page.")}`,
      p.values,
    );
    const head = rows[0];
    return {
      found: Boolean(head?.found),
      matching: Number(head?.matching ?? 0),
      total: Number(head?.total ?? 0),
      beyond: Boolean(head?.beyond),
      rows: rows.filter((r) => r.example_id !== null),
    };
  };

  let got = await read(afterKey ?? beforeKey, beforeKey ? "before" : "after", size + 1);
  if (!got.found) return empty;
  let rows = got.rows;
  let effective = used;
  let nextCursor: string | null = null;
  let prevCursor: string | null = null;
  let isFirstPage = true;
  const last = () => keyOf(sort, rows[rows.length - 1]);
  if (beforeKey && rows.length >= size) {
    // Rows were read in reverse from the cursor: one more than a page means more lie before them.
    isFirstPage = rows.length <= size;
    rows = rows.slice(0, size).reverse();
    if (!isFirstPage) prevCursor = encodeCursor(sort, dir, keyOf(sort, rows[0]));
    if (got.beyond) nextCursor = encodeCursor(sort, dir, last());
  } else {
    if (beforeKey) {
      // Less than a page before the cursor: that is the start; show a full first page instead.
      effective = { ...used, before: null };
      got = await read(null, "after", size + 1);
      rows = got.rows;
    }
    if (rows.length > size) {
      rows = rows.slice(0, size);
      nextCursor = encodeCursor(sort, dir, last());
    }
    if (afterKey && got.beyond) {
      // Rows lie before the page: the previous page ends just before its first row (or, past the end, the cursor).
      isFirstPage = false;
      prevCursor = encodeCursor(sort, dir, rows.length ? keyOf(sort, rows[0]) : afterKey);
    }
  }
  return {
    runId,
    params: effective,
    rows: rows.map(toRow),
    matching: got.matching,
    total: got.total,
    nextCursor,
    prevCursor,
    isFirstPage,
  };
}
