import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { listEndpoints, OPENAPI_DOCUMENT, type JsonSchema } from "./openapi";
import { checkSchema } from "./schema-check";

const API_DIR = path.join(import.meta.dirname, "../../app/api/v1");
/** The upload endpoints (signed-in, write) are not part of the public read API's document. */
const NOT_DOCUMENTED = ["submissions"];

/** `app/api/v1/runs/[id]/samples/route.ts` → `/api/v1/runs/{id}/samples`. */
function routePaths(dir: string, rel: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (rel.length === 0 && NOT_DOCUMENTED.includes(entry.name)) continue;
      out.push(...routePaths(path.join(dir, entry.name), [...rel, entry.name]));
    } else if (entry.name === "route.ts") {
      out.push(`/api/v1${rel.map((s) => `/${s.replace(/^\[(\w+)\]$/, "{$1}")}`).join("")}`);
    }
  }
  return out.sort();
}

/** Every `$ref` anywhere in the document. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)) as typeof OPENAPI_DOCUMENT & { paths: Record<string, { get: JsonSchema }> };

  it("is JSON, OpenAPI 3.1, with info and a GET operation with a 200 answer per path", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p.startsWith("/api/v1/"), p).toBe(true);
      expect(Object.keys(item), p).toEqual(["get"]);
      const op = item.get as { operationId: string; responses: Record<string, unknown>; parameters: { name?: string; in?: string; $ref?: string }[] };
      expect(ids.has(op.operationId), op.operationId).toBe(false);
      ids.add(op.operationId);
      expect(op.responses["200"], p).toBeTruthy();
    }
  });

  it("documents every route under app/api/v1 and nothing else", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(routePaths(API_DIR));
  });

  it("declares each path parameter of a route, and every data route takes snapshot=", () => {
    for (const e of listEndpoints()) {
      const inPath = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(e.parameters.filter((p) => p.in === "path").map((p) => p.name).sort(), e.path).toEqual(inPath);
      expect(e.parameters.filter((p) => p.in === "path").every((p) => p.required), e.path).toBe(true);
      if (e.path !== "/api/v1/openapi.json") expect(e.parameters.some((p) => p.name === "snapshot" && p.in === "query"), e.path).toBe(true);
    }
  });

  it("resolves every $ref, and its schemas accept what they describe", () => {
    for (const r of refs(doc)) {
      const [, , section, name] = r.split("/");
      expect((doc.components as Record<string, Record<string, unknown>>)[section]?.[name], r).toBeTruthy();
    }
    const snapshot = { id: "0123456789abcdef", createdAt: "2025-01-01T00:00:00.000Z", runCount: 3 };
    expect(checkSchema(doc, { $ref: "#/components/schemas/Snapshot" }, snapshot)).toEqual([]);
    expect(checkSchema(doc, { $ref: "#/components/schemas/Snapshot" }, { ...snapshot, runCount: "3" })).toEqual(["$.runCount: expected integer, got string"]);
    expect(checkSchema(doc, { $ref: "#/components/schemas/Error" }, { error: "x", status: 400, issues: [{ param: "a", value: "b" }] })).toEqual(["$.issues[0].message: missing"]);
  });

  it("is served at /api/v1/openapi.json with an ETag", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route");
    const res = GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(doc);
    const again = GET(new Request("http://localhost/api/v1/openapi.json", { headers: { "if-none-match": res.headers.get("etag")! } }));
    expect(again.status).toBe(304);
  });

  it("lists the endpoints for the docs page with their parameters resolved", () => {
    const list = listEndpoints();
    expect(list.map((e) => e.path)).toEqual(Object.keys(doc.paths));
    const samples = list.find((e) => e.path === "/api/v1/runs/{id}/samples")!;
    expect(samples.parameters.map((p) => p.name)).toEqual(["id", "sort", "dir", "outcome", "min", "max", "mismatch", "truncated", "error", "reasoning", "q", "size", "after", "before", "snapshot"]);
    expect(samples.responseSchemas).toEqual(["SamplePage"]);
    expect(list.find((e) => e.path === "/api/v1/order-bias")!.responseSchemas).toEqual(["OrderBias", "OrderBiasDetail"]);
  });
});
