/** listSamples on both databases: keyset pages for every sort and direction, every filter, text search. */
import { describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun, type FixtureRow } from "../ingest/test-fixtures";
import { encodeCursor } from "../samples/cursor";
import { DEFAULT_SAMPLE_PARAMS, SAMPLE_SORTS, type SampleParams, type SampleSort, type SortDir } from "../samples/params";
import { listSamples, parseSampleParams, SEARCH_INDEXES, type SamplePage } from "./samples";

/** One fixture rollout and what the list must show for it. */
interface Spec {
  id: number | string;
  reward: number | null;
  tokens: number | null;
  latencyMs: number | null;
  truncated?: boolean;
  error?: boolean;
  reasoning?: string;
  text?: string;
  gold?: string;
  /** parsed answer ≠ gold as the list must report it */
  mismatch?: boolean;
  completion?: unknown;
}

const SPECS: Spec[] = [
  ...Array.from({ length: 20 }, (_, i): Spec => ({
    id: i,
    reward: [1, 0, 0.5, null, 0.25][i % 5],
    tokens: [50, null, 30, 50][i % 4], // ties and nulls
    latencyMs: i % 6 === 0 ? null : (((i * 7) % 5) + 1) * 1000, // ties and nulls
    truncated: i % 7 === 3,
    error: i % 9 === 4,
    reasoning: i % 4 === 1 ? `deep thought ${i}` : undefined,
  })),
  { id: 3, reward: 1, tokens: 50, latencyMs: 2000 }, // rollout 1 of question 3
  { id: "q5", reward: 1, tokens: 40, latencyMs: 1000, text: "I am 100% sure <answer>A</answer>" },
  { id: "q10", reward: 0, tokens: 40, latencyMs: 1000, text: "I am 100 x sure <answer>A</answer>" },
  { id: 20, reward: 0, tokens: 10, latencyMs: 3000, text: "a_b <answer>A</answer>" },
  { id: 21, reward: 0, tokens: 10, latencyMs: 3000, text: "axb <answer>A</answer>" },
  { id: 22, reward: 0, tokens: 60, latencyMs: 500, text: 'He said "stop"\nthen left <answer> b </answer>', mismatch: true },
  { id: 23, reward: 1, tokens: 60, latencyMs: 500, text: "<answer> a </answer>" },
  { id: 24, reward: 0, tokens: 60, latencyMs: 500, text: "dunno" },
  { id: 25, reward: 1, tokens: 60, latencyMs: 500, text: "<answer>C</answer>", gold: "c" },
  { id: 26, reward: 0.75, tokens: 60, latencyMs: 500, text: "<answer>B</answer>", mismatch: true },
  { id: 27, reward: 0, tokens: 5, latencyMs: 100, completion: "A plain-string completion: regex .* chars [x] here" },
  { id: 28, reward: 0, tokens: 5, latencyMs: 100, completion: [{ role: "assistant", content: [{ type: "text", text: "Part one." }, { type: "text", text: "Zebra part two" }] }] },
];

interface Expected extends Spec {
  exampleId: string;
  rolloutIndex: number;
}

const EXPECTED: Expected[] = (() => {
  const seen = new Map<string, number>();
  return SPECS.map((s) => {
    const exampleId = String(s.id);
    const rolloutIndex = seen.get(exampleId) ?? 0;
    seen.set(exampleId, rolloutIndex + 1);
    return { ...s, exampleId, rolloutIndex };
  });
})();

function fixtureRow(s: Spec): FixtureRow {
  return {
    id: s.id,
    reward: s.reward,
    outputTokens: s.tokens,
    latencySeconds: s.latencyMs === null ? null : s.latencyMs / 1000,
    truncated: s.truncated,
    error: s.error ? { error: "ModelError", error_chain_repr: "ModelError('boom')", error_chain_str: "ModelError: boom" } : undefined,
    reasoning: s.reasoning,
    text: s.text,
    answer: s.gold,
    completion: s.completion,
  };
}

const key = (r: { exampleId: string; rolloutIndex: number }) => `${r.exampleId}#${r.rolloutIndex}`;
const idCmp = (a: Expected, b: Expected) =>
  a.exampleId.length - b.exampleId.length || (a.exampleId < b.exampleId ? -1 : a.exampleId > b.exampleId ? 1 : 0) || a.rolloutIndex - b.rolloutIndex;
const valueOf = (s: SampleSort, r: Expected) => (s === "reward" ? r.reward : s === "tokens" ? r.tokens : r.latencyMs);

function expectedOrder(rows: Expected[], sort: SampleSort, dir: SortDir): string[] {
  return [...rows]
    .sort((a, b) => {
      if (sort === "id") return dir === "asc" ? idCmp(a, b) : -idCmp(a, b);
      const va = valueOf(sort, a);
      const vb = valueOf(sort, b);
      if (va === null || vb === null) return va === vb ? idCmp(a, b) : va === null ? 1 : -1; // nulls last either way
      return (dir === "asc" ? va - vb : vb - va) || idCmp(a, b);
    })
    .map(key);
}

/** Ingest the fixture run; returns its id. */
async function ingestFixture(h: DbHandle): Promise<number> {
  const root = tmpDir();
  writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", rolloutsPerExample: 2, rows: SPECS.map(fixtureRow) });
  const report = await ingestPaths(h.raw, [root], { provenance: "official" });
  const [r] = await h.raw.query<{ id: number }>(`select id from runs`);
  if (!r) throw new Error(`fixture not ingested: ${JSON.stringify(report).slice(0, 2000)}`);
  return Number(r.id);
}

const FILTER_CASES: [string, Partial<SampleParams>, (r: Expected) => boolean][] = [
  ["outcome correct", { outcome: "correct" }, (r) => r.reward !== null && r.reward >= 1],
  ["outcome wrong", { outcome: "wrong" }, (r) => r.reward !== null && r.reward <= 0],
  ["outcome partial", { outcome: "partial" }, (r) => r.reward !== null && r.reward > 0 && r.reward < 1],
  ["reward range", { minReward: 0.25, maxReward: 0.5 }, (r) => r.reward !== null && r.reward >= 0.25 && r.reward <= 0.5],
  ["min reward only", { minReward: 0.6 }, (r) => r.reward !== null && r.reward >= 0.6],
  ["parsed ≠ gold", { mismatch: true }, (r) => Boolean(r.mismatch)],
  ["parsed = gold or missing", { mismatch: false }, (r) => !r.mismatch],
  ["truncated", { truncated: true }, (r) => Boolean(r.truncated)],
  ["not truncated", { truncated: false }, (r) => !r.truncated],
  ["error", { error: true }, (r) => Boolean(r.error)],
  ["no error", { error: false }, (r) => !r.error],
  ["has reasoning", { reasoning: true }, (r) => Boolean(r.reasoning)],
  ["no reasoning", { reasoning: false }, (r) => !r.reasoning],
  ["combined", { outcome: "wrong", reasoning: true, truncated: false }, (r) => r.reward === 0 && Boolean(r.reasoning) && !r.truncated],
];

const SEARCH_CASES: [string, Partial<SampleParams>, (r: Expected) => boolean][] = [
  ["search with a literal %", { q: "100%" }, (r) => r.exampleId === "q5"],
  ["search with a literal _", { q: "A_B" }, (r) => r.exampleId === "20"],
  ["search across a quote and a newline", { q: '"stop"\nthen' }, (r) => r.exampleId === "22"],
  ["search in the prompt", { q: "question 7?" }, (r) => r.exampleId === "7"],
  ["search in reasoning", { q: "DEEP THOUGHT 13" }, (r) => r.exampleId === "13"],
  ["search never matches JSON keys or roles", { q: "assistant" }, () => false],
  ["search in a plain-string completion, regex characters literal", { q: "REGEX .* CHARS [x]" }, (r) => r.exampleId === "27"],
  ["search never treats the text as a pattern", { q: "r.gex" }, () => false],
  ["search in content parts", { q: "zebra part" }, (r) => r.exampleId === "28"],
  ["search for a backslash", { q: "\\" }, () => false],
  ["search combined with a filter", { q: "question 1", outcome: "wrong" }, (r) => /^1\d?$/.test(r.exampleId) && r.reward === 0],
];

function expectFilter(page: SamplePage, pred: (r: Expected) => boolean) {
  const want = EXPECTED.filter(pred).map(key).sort();
  expect(page.rows.map(key).sort()).toEqual(want);
  expect(page.matching).toBe(want.length);
  expect(page.total).toBe(EXPECTED.length);
}

describe.each(testDatabases())("listSamples on $name", (database) => {
  let runId = 0;
  const db = useCatalogDb(database, async (h) => {
    runId = await ingestFixture(h);
  });
  const list = (p: Partial<SampleParams>) => listSamples(runId, { ...DEFAULT_SAMPLE_PARAMS, ...p }, db().raw);

  /** Walk forward with `after` to the end, then back with `before` to the start. */
  async function walk(p: Partial<SampleParams>): Promise<{ forward: SamplePage[]; backward: SamplePage[] }> {
    const forward: SamplePage[] = [];
    let page = await list(p);
    forward.push(page);
    while (page.nextCursor) {
      page = await list({ ...p, after: page.nextCursor });
      forward.push(page);
      expect(forward.length).toBeLessThan(100);
    }
    const backward: SamplePage[] = [page];
    while (page.prevCursor) {
      page = await list({ ...p, before: page.prevCursor });
      backward.push(page);
      expect(backward.length).toBeLessThan(100);
    }
    return { forward, backward: backward.reverse() };
  }

  it("reports the run's rows and the matching count", async () => {
    const page = await list({});
    expect(page.total).toBe(EXPECTED.length);
    expect(page.matching).toBe(EXPECTED.length);
    expect(page.rows).toHaveLength(EXPECTED.length); // default page size 50 > rows
    expect(page.isFirstPage).toBe(true);
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
  });

  for (const sort of SAMPLE_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages by ${sort} ${dir} concatenate to the full order (ties broken by id, nulls last), forward and back`, async () => {
        const want = expectedOrder(EXPECTED, sort, dir);
        for (const size of [4, 7, want.length]) {
          const { forward, backward } = await walk({ sort, dir, size });
          expect(forward.flatMap((pg) => pg.rows.map(key))).toEqual(want);
          expect(forward.every((pg, i) => pg.rows.length === (i < forward.length - 1 ? size : want.length - size * (forward.length - 1)))).toBe(true);
          expect(forward.map((pg) => pg.isFirstPage)).toEqual(forward.map((_, i) => i === 0));
          expect(forward.at(-1)!.nextCursor).toBeNull();
          // Walking back from the last page gives the same pages.
          expect(backward.map((pg) => pg.rows.map(key))).toEqual(forward.map((pg) => pg.rows.map(key)));
          expect(backward[0].isFirstPage).toBe(true);
          expect(backward[0].prevCursor).toBeNull();
        }
      });
    }
  }

  it("pages through a filtered list with the filter applied on every page", async () => {
    const wrong = EXPECTED.filter((r) => r.reward !== null && r.reward <= 0);
    const { forward } = await walk({ outcome: "wrong", sort: "latency", dir: "asc", size: 3 });
    expect(forward.flatMap((pg) => pg.rows.map(key))).toEqual(expectedOrder(wrong, "latency", "asc"));
    expect(forward.every((pg) => pg.matching === wrong.length && pg.total === EXPECTED.length)).toBe(true);
  });

  it("a before-cursor that reaches the start shows a full first page", async () => {
    const want = expectedOrder(EXPECTED, "reward", "desc");
    const third = EXPECTED.find((r) => key(r) === want[2])!;
    const before = encodeCursor("reward", "desc", { value: third.reward, exampleId: third.exampleId, rolloutIndex: third.rolloutIndex });
    const page = await list({ sort: "reward", dir: "desc", size: 5, before });
    expect(page.rows.map(key)).toEqual(want.slice(0, 5));
    expect(page.isFirstPage).toBe(true);
    expect(page.params.before).toBeNull();
    expect(page.nextCursor).not.toBeNull();
  });

  it("treats a tampered or foreign cursor as the first page", async () => {
    const first = await list({ sort: "tokens", dir: "desc", size: 5 });
    for (const after of ["garbage", encodeCursor("reward", "desc", { value: 1, exampleId: "0", rolloutIndex: 0 }), first.nextCursor!.slice(1)]) {
      const page = await list({ sort: "tokens", dir: "desc", size: 5, after });
      expect(page.rows.map(key)).toEqual(first.rows.map(key));
      expect(page.isFirstPage).toBe(true);
      expect(page.params.after).toBeNull();
    }
    // Through the URL parser too.
    const viaUrl = await listSamples(runId, parseSampleParams(new URLSearchParams("sort=tokens&size=5&after=eyJ4IjoxfQ")), db().raw);
    expect(viaUrl.rows.map(key)).toEqual(first.rows.map(key));
  });

  for (const [name, p, pred] of [...FILTER_CASES, ...SEARCH_CASES]) {
    it(`filter: ${name}`, async () => expectFilter(await list({ ...p, size: 200 }), pred));
  }

  it("fills the list row fields", async () => {
    const page = await list({ size: 200 });
    const by = new Map(page.rows.map((r) => [key(r), r]));
    expect(by.get("q5#0")).toMatchObject({ reward: 1, outputTokens: 40, latencyMs: 1000, excerpt: "I am 100% sure <answer>A</answer>", parsedAnswer: "A", gold: "A", mismatch: false });
    expect(by.get("22#0")).toMatchObject({ parsedAnswer: "b", gold: "A", mismatch: true, excerpt: 'He said "stop" then left <answer> b </answer>' });
    expect(by.get("4#0")).toMatchObject({ error: true, errorText: "ModelError" });
    expect(by.get("0#0")).toMatchObject({ error: false, errorText: null, truncated: false, hasReasoning: false, latencyMs: null, inputTokens: 100 });
    expect(by.get("1#0")).toMatchObject({ hasReasoning: true, outputTokens: null, inputTokens: null });
    expect(by.get("3#1")).toMatchObject({ reward: 1, rolloutIndex: 1 });
    expect(by.get("24#0")).toMatchObject({ parsedAnswer: null, mismatch: false });
    expect(by.get("27#0")).toMatchObject({ excerpt: "A plain-string completion: regex .* chars [x] here" });
    expect(by.get("28#0")!.excerpt).toContain("Zebra part two");
  });

  it("returns an empty page for a run that does not exist", async () => {
    const page = await listSamples(999999, DEFAULT_SAMPLE_PARAMS, db().raw);
    expect(page).toMatchObject({ rows: [], total: 0, matching: 0, nextCursor: null, prevCursor: null });
    expect((await listSamples(-1, DEFAULT_SAMPLE_PARAMS, db().raw)).rows).toEqual([]);
  });
});

describe.each(testDatabases())("listSamples text search with the trigram indexes on $name", (database) => {
  let runId = 0;
  const db = useCatalogDb(database, async (h) => {
    runId = await ingestFixture(h);
    // The indexes the search looks for (plain GIN here: PGlite loads pg_trgm but not btree_gin).
    await h.raw.query(`create extension if not exists pg_trgm`);
    await h.raw.query(`create index ${SEARCH_INDEXES[0]} on transcripts using gin ((prompt::text) gin_trgm_ops)`);
    await h.raw.query(`create index ${SEARCH_INDEXES[1]} on transcripts using gin ((completion::text) gin_trgm_ops)`);
  });

  it("uses the JSON-text prefilter once the indexes exist", async () => {
    const seen: string[] = [];
    const spy = { ...db().raw, query: (text: string, params?: unknown[]) => (seen.push(text), db().raw.query(text, params)) } as DbHandle["raw"];
    expectFilter(await listSamples(runId, { ...DEFAULT_SAMPLE_PARAMS, q: "100%" }, spy), (r) => r.exampleId === "q5");
    expect(seen.some((t) => t.includes("t.completion::text ilike"))).toBe(true);
  });

  for (const [name, p, pred] of SEARCH_CASES) {
    it(`${name} (JSON-text prefilter)`, async () => {
      expectFilter(await listSamples(runId, { ...DEFAULT_SAMPLE_PARAMS, ...p, size: 200 }, db().raw), pred);
    });
  }
});
