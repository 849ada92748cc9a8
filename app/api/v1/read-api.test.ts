/**
 * The public read API against a small database (whichever test database the run uses): every
 * route's status codes, ETag / 304, cache headers, answers valid against the OpenAPI schemas,
 * keyset pages of samples, the scores CSV.gz, and snapshot pinning across a later ingest.
 * The routes' exported GET handlers are called with Request objects; `@/lib/db`'s handle is the
 * suite's test database.
 */
import { gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";

import type { DbHandle } from "@/lib/db";
import { testDatabases } from "@/lib/db/test-db";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun, type FixtureRow } from "@/lib/ingest/test-fixtures";
import { OPENAPI_DOCUMENT } from "@/lib/api/openapi";
import { checkAnswer } from "@/lib/api/schema-check";
import { scoreCsvChunks } from "@/lib/api/scores-csv";
import { getScoreRuns } from "@/lib/queries/snapshots";
import { useCatalogDb } from "@/tests/support/catalog-db";

const holder: { h?: DbHandle } = {};
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

type Handler = (request: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, { GET: Handler }> = {
  "/api/v1/leaderboard": await import("./leaderboard/route"),
  "/api/v1/benchmarks": await import("./benchmarks/route"),
  "/api/v1/benchmarks/{slug}": await import("./benchmarks/[slug]/route"),
  "/api/v1/configurations": await import("./configurations/route"),
  "/api/v1/configurations/{slug}": await import("./configurations/[slug]/route"),
  "/api/v1/runs/{id}": await import("./runs/[id]/route"),
  "/api/v1/runs/{id}/samples": await import("./runs/[id]/samples/route"),
  "/api/v1/runs/{id}/samples/{exampleId}": await import("./runs/[id]/samples/[exampleId]/route"),
  "/api/v1/head-to-head": await import("./head-to-head/route"),
  "/api/v1/order-bias": await import("./order-bias/route"),
  "/api/v1/efficiency": await import("./efficiency/route"),
  "/api/v1/snapshots": await import("./snapshots/route"),
  "/api/v1/snapshots/{id}": await import("./snapshots/[id]/route"),
  "/api/v1/snapshots/{id}/scores.csv.gz": await import("./snapshots/[id]/scores.csv.gz/route"),
};

/** GET a route: `template` with `{name}` placeholders filled from `path` (encoded as the router would pass them). */
async function call(template: string, path: Record<string, string | number> = {}, query = "", headers: Record<string, string> = {}): Promise<Response> {
  const route = routes[template];
  if (!route) throw new Error(`no route ${template}`);
  const segments = Object.fromEntries(Object.entries(path).map(([k, v]) => [k, encodeURIComponent(String(v))]));
  const url = template.replace(/\{(\w+)\}/g, (_, k: string) => segments[k]) + query;
  return route.GET(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(segments) });
}

async function json(res: Response): Promise<Record<string, unknown> & { [k: string]: any }> {
  return (await res.json()) as never;
}

const MODELS = { small: "google/gemma-3-4b-it", med: "google/medgemma-4b-it", big: "google/gemma-3-27b-it" } as const;
const OPTIONS = { A: "Aspirin", B: "Bisoprolol", C: "Captopril", D: "Digoxin" };

/** Rows with two rollouts per question (rewards [r0, r1] per question). */
function rows(rewards: [number | null, number | null][], opts: Partial<FixtureRow> = {}): FixtureRow[] {
  return rewards.flatMap(([a, b], id) => [
    { id, reward: a, options: OPTIONS, text: `<answer>${a ? "A" : "B"}</answer>`, ...opts },
    { id, reward: b, options: OPTIONS, text: `<answer>${b ? "A" : "C"}</answer>`, ...opts },
  ]);
}

const MEDQA: Record<keyof typeof MODELS, [number | null, number | null][]> = {
  small: [[1, 0], [0, 0], [1, 1], [0, 1], [1, null], [0, 0]],
  med: [[1, 1], [1, 0], [1, 1], [0, 0], [1, 1], [0, 1]],
  big: [[1, 1], [1, 1], [0, 1], [1, 1], [1, 0], [1, 1]],
};

const [database] = testDatabases();

describe("the /api/v1 read API", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    for (const who of Object.keys(MODELS) as (keyof typeof MODELS)[]) {
      writeGenARun(root, { model: MODELS[who], envId: "medqa", rolloutsPerExample: 2, rows: rows(MEDQA[who]), mtime: 1_000_000 });
      writeGenARun(root, {
        model: MODELS[who],
        envId: "medqa",
        variant: "shuffle_seed-1618",
        envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
        rolloutsPerExample: 2,
        rows: rows(MEDQA[who].map(([a, b]) => [b, a])),
        mtime: 1_000_000,
      });
      writeGenARun(root, { model: MODELS[who], envId: "pubmedqa", rows: MEDQA[who].map(([a], id) => ({ id, reward: a === null ? 0 : 1 - a })), mtime: 1_000_000 });
    }
    await ingestPaths(h.raw, [root], { provenance: "official" });
  });

  const runIdOf = async (config: string, key: string) => {
    const [r] = await db().raw.query<{ id: number }>(
      `select u.id from runs u join datasets d on d.id = u.dataset_id where u.config_slug = $1 and d.key = $2 and u.status = 'published'`,
      [config, key],
    );
    return Number(r.id);
  };

  /** Every JSON route once, with the schema its answer must satisfy. */
  const jsonCalls = async (): Promise<{ label: string; template: string; path?: Record<string, string | number>; query: string; schema: string }[]> => {
    const run = await runIdOf("gemma-3-4b-it", "medqa::base");
    const [latest] = await db().raw.query<{ id: string }>(`select id from snapshots order by created_at desc limit 1`);
    return [
      { label: "leaderboard", template: "/api/v1/leaderboard", query: "?board=V", schema: "Leaderboard" },
      { label: "benchmarks", template: "/api/v1/benchmarks", query: "", schema: "BenchmarkList" },
      { label: "benchmark", template: "/api/v1/benchmarks/{slug}", path: { slug: "medqa" }, query: "?include=insight", schema: "Benchmark" },
      { label: "configurations", template: "/api/v1/configurations", query: "", schema: "ConfigurationList" },
      { label: "configuration", template: "/api/v1/configurations/{slug}", path: { slug: "gemma-3-4b-it" }, query: "", schema: "Configuration" },
      { label: "run", template: "/api/v1/runs/{id}", path: { id: run }, query: "", schema: "Run" },
      { label: "samples", template: "/api/v1/runs/{id}/samples", path: { id: run }, query: "?size=3&sort=reward", schema: "SamplePage" },
      { label: "sample", template: "/api/v1/runs/{id}/samples/{exampleId}", path: { id: run, exampleId: "2" }, query: "?rollout=1", schema: "Sample" },
      { label: "head-to-head", template: "/api/v1/head-to-head", query: "?a=gemma-3-4b-it&b=medgemma-4b-it", schema: "HeadToHead" },
      { label: "order-bias", template: "/api/v1/order-bias", query: "", schema: "OrderBias" },
      { label: "order-bias detail", template: "/api/v1/order-bias", query: "?config=gemma-3-27b-it", schema: "OrderBiasDetail" },
      { label: "efficiency", template: "/api/v1/efficiency", query: "?x=total", schema: "Efficiency" },
      { label: "snapshots", template: "/api/v1/snapshots", query: "", schema: "SnapshotList" },
      { label: "snapshot", template: "/api/v1/snapshots/{id}", path: { id: latest?.id ?? "0000000000000000" }, query: "", schema: "SnapshotDetail" },
    ];
  };

  it("answers every route with JSON valid against its OpenAPI schema, an ETag, cache headers and a snapshot", async () => {
    await call("/api/v1/leaderboard"); // makes the latest snapshot
    for (const c of await jsonCalls()) {
      const res = await call(c.template, c.path, c.query);
      expect(res.status, c.label).toBe(200);
      expect(res.headers.get("cache-control"), c.label).toBe(c.template === "/api/v1/snapshots/{id}" ? "public, max-age=31536000, immutable" : "public, max-age=60");
      expect(res.headers.get("etag"), c.label).toMatch(/^"[0-9a-f]{16}[.-]/);
      const body = await json(res);
      expect(checkAnswer(OPENAPI_DOCUMENT as never, c.schema, body), c.label).toEqual([]);
      expect(body.snapshot.id, c.label).toMatch(/^[0-9a-f]{16}$/);
      expect(body.synthetic ?? false, c.label).toBe(false);
    }
  });

  it("answers 304 to a matching If-None-Match, and 200 once the parameters differ", async () => {
    for (const c of await jsonCalls()) {
      const first = await call(c.template, c.path, c.query);
      const etag = first.headers.get("etag")!;
      const again = await call(c.template, c.path, c.query, { "if-none-match": etag });
      expect(again.status, c.label).toBe(304);
      expect(again.headers.get("etag"), c.label).toBe(etag);
      expect(await again.text(), c.label).toBe("");
      const weak = await call(c.template, c.path, c.query, { "if-none-match": `"nope", W/${etag}` });
      expect(weak.status, c.label).toBe(304);
    }
    const a = (await call("/api/v1/efficiency", {}, "?x=output")).headers.get("etag");
    const b = (await call("/api/v1/efficiency", {}, "?x=latency")).headers.get("etag");
    expect(a).not.toBe(b);
    // Spelling does not matter: same effective parameters, same ETag.
    expect((await call("/api/v1/efficiency", {}, "?board=v&x=output")).headers.get("etag")).toBe(a);
  });

  it("answers 400 naming each invalid parameter", async () => {
    const run = await runIdOf("gemma-3-4b-it", "medqa::base");
    const cases: [string, Record<string, string | number>, string, string[]][] = [
      ["/api/v1/benchmarks", {}, "?snapshot=latest", ["snapshot"]],
      ["/api/v1/benchmarks/{slug}", { slug: "medqa" }, "?include=everything", ["include"]],
      ["/api/v1/runs/{id}", { id: "abc" }, "", ["id"]],
      ["/api/v1/runs/{id}", { id: "0" }, "?snapshot=XYZ", ["id", "snapshot"]],
      ["/api/v1/runs/{id}/samples", { id: run }, "?size=0&sort=cost&outcome=maybe&min=x&error=2", ["sort", "outcome", "min", "error", "size"]],
      ["/api/v1/runs/{id}/samples", { id: run }, "?after=garbage", ["after"]],
      ["/api/v1/runs/{id}/samples/{exampleId}", { id: run, exampleId: "1" }, "?rollout=-1", ["rollout"]],
      ["/api/v1/head-to-head", {}, "?board=XL&a=gemma-3-4b-it", ["board", "b"]],
      ["/api/v1/head-to-head", {}, "?a=gemma-3-4b-it&b=gemma-3-4b-it", ["b"]],
      ["/api/v1/order-bias", {}, "?data=some", ["data"]],
      ["/api/v1/efficiency", {}, "?x=cost&board=Z", ["board", "x"]],
      ["/api/v1/snapshots/{id}", { id: "nothex" }, "", ["id"]],
      ["/api/v1/snapshots/{id}/scores.csv.gz", { id: "0123456789abcdeg" }, "", ["id"]],
    ];
    for (const [template, path, query, params] of cases) {
      const res = await call(template, path, query);
      expect(res.status, `${template}${query}`).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await json(res);
      expect(body.issues.map((i: { param: string }) => i.param), `${template}${query}`).toEqual(params);
      expect(body.error.length).toBeGreaterThan(0);
      expect(checkAnswer(OPENAPI_DOCUMENT as never, "Error", body)).toEqual([]);
    }
  });

  it("answers 404 JSON for unknown snapshots, slugs, ids and cells", async () => {
    const run = await runIdOf("gemma-3-4b-it", "medqa::base");
    const cases: [string, Record<string, string | number>, string, RegExp][] = [
      ["/api/v1/leaderboard", {}, "?snapshot=ffffffffffffffff", /ffffffffffffffff does not exist/],
      ["/api/v1/configurations", {}, "?snapshot=ffffffffffffffff", /does not exist/],
      ["/api/v1/runs/{id}/samples", { id: run }, "?snapshot=ffffffffffffffff", /does not exist/],
      ["/api/v1/benchmarks/{slug}", { slug: "no-such-benchmark" }, "", /No benchmark "no-such-benchmark"/],
      ["/api/v1/configurations/{slug}", { slug: "no-such-config" }, "", /No configuration "no-such-config"/],
      ["/api/v1/runs/{id}", { id: 999999 }, "", /No published run 999999/],
      ["/api/v1/runs/{id}/samples", { id: 999999 }, "", /No published run 999999/],
      ["/api/v1/runs/{id}/samples/{exampleId}", { id: run, exampleId: "no such id" }, "", /No sample "no such id"/],
      ["/api/v1/runs/{id}/samples/{exampleId}", { id: run, exampleId: "1" }, "?rollout=7", /No sample "1" \(rollout 7\)/],
      ["/api/v1/head-to-head", {}, "?a=gemma-3-4b-it&b=nobody", /nobody is not ranked/],
      ["/api/v1/order-bias", {}, "?config=nobody", /nobody is not on the order-bias view/],
      ["/api/v1/efficiency", {}, "?benchmark=nothing", /No benchmark "nothing"/],
      ["/api/v1/snapshots/{id}", { id: "ffffffffffffffff" }, "", /does not exist/],
      ["/api/v1/snapshots/{id}/scores.csv.gz", { id: "ffffffffffffffff" }, "", /does not exist/],
    ];
    for (const [template, path, query, message] of cases) {
      const res = await call(template, path, query);
      expect(res.status, `${template}${query}`).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await json(res)).error, `${template}${query}`).toMatch(message);
    }
  });

  it("hides pending runs, as for an unknown id", async () => {
    const run = await runIdOf("medgemma-4b-it", "pubmedqa::base");
    await db().raw.query(`update runs set status = 'pending' where id = $1`, [run]);
    try {
      for (const template of ["/api/v1/runs/{id}", "/api/v1/runs/{id}/samples"]) {
        expect((await call(template, { id: run })).status, template).toBe(404);
      }
      expect((await call("/api/v1/runs/{id}/samples/{exampleId}", { id: run, exampleId: "0" })).status).toBe(404);
    } finally {
      await db().raw.query(`update runs set status = 'published' where id = $1`, [run]);
    }
  });

  it("answers 500 JSON (logged), never an empty 200, when the database fails", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const h = holder.h!;
    holder.h = { ...h, raw: { ...h.raw, query: async () => { throw new Error("db down"); } } } as DbHandle;
    try {
      const res = await call("/api/v1/benchmarks");
      expect(res.status).toBe(500);
      expect((await json(res)).error).toMatch(/GET \/api\/v1\/benchmarks failed/);
      expect(spy).toHaveBeenCalled();
    } finally {
      holder.h = h;
      spy.mockRestore();
    }
  });

  it("pages samples by keyset: following next (or prev) lists every row once, in order", async () => {
    const run = await runIdOf("gemma-3-4b-it", "medqa::base");
    for (const order of ["", "&sort=reward", "&sort=reward&dir=asc", "&sort=id&dir=desc", "&outcome=wrong"]) {
      const all = await json(await call("/api/v1/runs/{id}/samples", { id: run }, `?size=200${order}`));
      const key = (r: { exampleId: string; rolloutIndex: number }) => `${r.exampleId}/${r.rolloutIndex}`;
      const collected: string[] = [];
      let page = await json(await call("/api/v1/runs/{id}/samples", { id: run }, `?size=5${order}`));
      expect(page.isFirstPage).toBe(true);
      for (let i = 0; i < 20; i++) {
        collected.push(...page.rows.map(key));
        expect(page.matching).toBe(all.matching);
        if (!page.nextCursor) break;
        expect(page.links.next).toContain(`after=${page.nextCursor}`);
        page = await json(await call("/api/v1/runs/{id}/samples", { id: run }, `?size=5${order}&after=${page.nextCursor}`));
      }
      expect(collected, order).toEqual(all.rows.map(key));
      expect(new Set(collected).size).toBe(collected.length);
      // Backwards from the last page gives the same rows.
      const back: string[] = [...page.rows.map(key)];
      while (page.prevCursor) {
        page = await json(await call("/api/v1/runs/{id}/samples", { id: run }, `?size=5${order}&before=${page.prevCursor}`));
        back.unshift(...page.rows.map(key));
      }
      expect(back, order).toEqual(all.rows.map(key));
    }
    const full = await json(await call("/api/v1/runs/{id}/samples", { id: run }, "?size=200"));
    expect(full.total).toBe(12);
    expect(full.rows).toHaveLength(12);
  });

  it("downloads the snapshot's per-question scores as CSV.gz", async () => {
    const list = await json(await call("/api/v1/snapshots"));
    const id = list.latest as string;
    const res = await call("/api/v1/snapshots/{id}/scores.csv.gz", { id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="medmarks-scores-${id}.csv.gz"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const csv = gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8");
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("config,benchmark,dataset_key,folded_key,example_id,mean_reward,n_rollouts,n_scored,run_id,provenance");
    // 3 configurations × (medqa base + shuffle: 6 questions each; pubmedqa: 6 questions).
    expect(lines).toHaveLength(1 + 3 * 18);
    const row = (config: string, key: string, example: string) => lines.find((l) => l.startsWith(`${config},`) && l.includes(`,${key},`) && l.split(",")[4] === example)?.split(",");
    const small = await runIdOf("gemma-3-4b-it", "medqa::base");
    expect(row("gemma-3-4b-it", "medqa::base", "0")).toEqual(["gemma-3-4b-it", "medqa", "medqa::base", "medqa::base", "0", "0.5", "2", "2", String(small), "official"]);
    expect(row("gemma-3-4b-it", "medqa::base", "4")?.slice(5, 8)).toEqual(["1", "2", "1"]); // one null reward
    expect(row("gemma-3-27b-it", "medqa::shuffle_seed-1618", "2")?.slice(3, 8)).toEqual(["medqa::base", "2", "0.5", "2", "2"]);
    expect(row("medgemma-4b-it", "pubmedqa::base", "3")?.slice(5, 8)).toEqual(["1", "1", "1"]);
    // Ordered by configuration, then benchmark, dataset key and question (numeric ids numerically).
    const keys = lines.slice(1).map((l) => l.split(",").slice(0, 3).join(","));
    expect(keys).toEqual([...keys].sort());
    const etag = res.headers.get("etag")!;
    expect((await call("/api/v1/snapshots/{id}/scores.csv.gz", { id }, "", { "if-none-match": etag })).status).toBe(304);

    // Batched keyset reads: the same CSV whatever the batch size.
    const runs = await getScoreRuns(id, db().raw);
    const text = async (batch: number) => {
      let out = "";
      for await (const chunk of scoreCsvChunks(runs, db().raw, batch)) out += chunk;
      return out;
    };
    expect(await text(1)).toBe(csv);
    expect(await text(4)).toBe(csv);
  });

  it("pins every answer to its snapshot: unchanged after a later ingest, while the latest moves on", async () => {
    const first = (await json(await call("/api/v1/snapshots"))).latest as string;
    const pinnedQuery = (q: string) => `${q}${q ? "&" : "?"}snapshot=${first}`;
    const calls = await jsonCalls();
    const before = new Map<string, unknown>();
    for (const c of calls) {
      const res = await call(c.template, c.path, pinnedQuery(c.query));
      expect(res.status, c.label).toBe(200);
      expect(res.headers.get("cache-control"), c.label).toBe("public, max-age=31536000, immutable");
      const body = await json(res);
      expect(body.snapshot.id, c.label).toBe(first);
      expect(checkAnswer(OPENAPI_DOCUMENT as never, c.schema, body), c.label).toEqual([]);
      before.set(c.label, body);
    }
    const oldBig = await runIdOf("gemma-3-27b-it", "medqa::base");

    // A newer run of gemma-3-27b-it on medqa supersedes the old one; a new configuration arrives.
    const root = tmpDir();
    writeGenARun(root, { model: MODELS.big, envId: "medqa", rolloutsPerExample: 2, rows: rows(MEDQA.small), mtime: 2_000_000 });
    writeGenARun(root, { model: "Qwen/Qwen3-4B", envId: "pubmedqa", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }], mtime: 2_000_000 });
    await ingestPaths(db().raw, [root], { provenance: "official" });

    const latest = await json(await call("/api/v1/snapshots"));
    expect(latest.latest).not.toBe(first);
    expect(latest.snapshots.map((s: { id: string; latest: boolean }) => [s.id, s.latest])).toEqual([
      [latest.latest, true],
      [first, false],
    ]);
    for (const c of calls) {
      const res = await call(c.template, c.path, pinnedQuery(c.query));
      expect(res.status, c.label).toBe(200);
      expect(await json(res), c.label).toEqual(before.get(c.label));
    }
    // The latest answers moved on.
    const board = await json(await call("/api/v1/leaderboard"));
    expect(board.snapshot.id).toBe(latest.latest);
    expect(board).not.toEqual(before.get("leaderboard"));

    // The superseded run: published as of the first snapshot, superseded now; the new run is not in the first snapshot.
    expect((await json(await call("/api/v1/runs/{id}", { id: oldBig }, `?snapshot=${first}`))).status).toBe("published");
    const now = await json(await call("/api/v1/runs/{id}", { id: oldBig }));
    expect(now.status).toBe("superseded");
    expect(now.inSnapshot).toBe(false);
    const newBig = await runIdOf("gemma-3-27b-it", "medqa::base");
    const outside = await call("/api/v1/runs/{id}", { id: newBig }, `?snapshot=${first}`);
    expect(outside.status).toBe(404);
    expect((await json(outside)).error).toMatch(new RegExp(`not part of snapshot ${first}`));
    // The configuration only the later ingest brought is unknown as of the first snapshot.
    const qwen = (await db().raw.query<{ config_slug: string }>(`select config_slug from runs where provider_model = 'Qwen/Qwen3-4B'`))[0].config_slug;
    expect((await call("/api/v1/configurations/{slug}", { slug: qwen })).status).toBe(200);
    expect((await call("/api/v1/configurations/{slug}", { slug: qwen }, `?snapshot=${first}`)).status).toBe(404);
    // The old snapshot's CSV still has the old run.
    const csv = gunzipSync(Buffer.from(await (await call("/api/v1/snapshots/{id}/scores.csv.gz", { id: first })).arrayBuffer())).toString("utf8");
    expect(csv).toContain(`,${oldBig},official\n`);
    expect(csv).not.toContain(`,${newBig},official\n`);
  });
});
