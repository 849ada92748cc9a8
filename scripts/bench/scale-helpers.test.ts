import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configs } from "../../lib/catalog";
import { DEMO_CONFIG_ALIASES } from "../../lib/demo/configs";
import { exportedMethods, fillPattern, listAppRoutes, parseRecomputeLog, percentile, routePattern, selectAliases } from "./scale-helpers";

describe("selectAliases", () => {
  it("takes the demo configurations first, then the catalog's others in order, without duplicates", () => {
    const all = configs.map((c) => c.alias);
    const picked = selectAliases(all, 71);
    expect(picked).toHaveLength(71);
    expect(new Set(picked).size).toBe(71);
    expect(picked.slice(0, DEMO_CONFIG_ALIASES.length)).toEqual([...DEMO_CONFIG_ALIASES]);
    const rest = all.filter((a) => !(DEMO_CONFIG_ALIASES as readonly string[]).includes(a));
    expect(picked.slice(DEMO_CONFIG_ALIASES.length)).toEqual(rest.slice(0, 71 - DEMO_CONFIG_ALIASES.length));
  });
  it("skips demo aliases the catalog lacks and refuses more than the catalog has", () => {
    expect(selectAliases(["x", "gpt-5_2", "y"], 3)).toEqual(["gpt-5_2", "x", "y"]);
    expect(() => selectAliases(["a"], 2)).toThrow(RangeError);
  });
});

describe("percentile", () => {
  it("is the nearest-rank percentile", () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted on purpose
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 99)).toBe(20);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("routes under app/", () => {
  it("drops route groups and slots from patterns", () => {
    expect(routePattern("")).toBe("/");
    expect(routePattern("(site)/benchmarks/[slug]")).toBe("/benchmarks/[slug]");
    expect(routePattern("@modal/runs/[runId]")).toBe("/runs/[runId]");
  });
  it("reads the exported HTTP methods of a route handler", () => {
    expect(exportedMethods("export async function GET() {}\nexport const POST = h;\nfunction PUT() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const h = x; export { h as GET, h as HEAD, helper }")).toEqual(["GET", "HEAD"]);
  });
  it("lists pages and route handlers of a folder tree", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-routes-"));
    const put = (rel: string, text = "export default function P() {}") => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    put("page.tsx");
    put("runs/[runId]/page.tsx");
    put("runs/[runId]/view.tsx"); // not a route
    put("_lib/page.tsx"); // private folder
    put("api/v1/runs/[id]/route.ts", "export async function GET() {}");
    put("api/x/route.ts", "export async function POST() {}");
    try {
      expect(listAppRoutes(dir)).toEqual([
        { pattern: "/", kind: "page", methods: ["GET"] },
        { pattern: "/api/v1/runs/[id]", kind: "api", methods: ["GET"] },
        { pattern: "/api/x", kind: "api", methods: ["POST"] },
        { pattern: "/runs/[runId]", kind: "page", methods: ["GET"] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("fills dynamic segments, or says a value is missing", () => {
    expect(fillPattern("/runs/[runId]/samples/[exampleId]", { runId: "4", exampleId: "17" })).toBe("/runs/4/samples/17");
    expect(fillPattern("/api/auth/[...nextauth]", { nextauth: "session" })).toBe("/api/auth/session");
    expect(fillPattern("/models/[config]", {})).toBeNull();
  });
  it("finds every page of this app, including the ones the rehearsal measures", () => {
    const patterns = listAppRoutes(path.resolve(import.meta.dirname, "../../app")).map((r) => r.pattern);
    for (const p of ["/", "/benchmarks/[slug]", "/runs/[runId]/samples/[exampleId]", "/api/v1/snapshots/[id]/scores.csv.gz"]) expect(patterns).toContain(p);
  });
});

describe("parseRecomputeLog", () => {
  it("reads the board and view timings the ingest logs", () => {
    const log = [
      "board V: snapshot abc, 71 configurations, 66 datasets (5120 ms)",
      "board OE: snapshot abc, 71 configurations, 16 datasets (812 ms)",
      "view order bias (Medmarks-V) ready (70211 ms)",
      "view efficiency (Medmarks-OE) failed: boom",
      "loaded 3 runs",
    ].join("\n");
    expect(parseRecomputeLog(log)).toEqual({ "board V": 5120, "board OE": 812, "view order bias (Medmarks-V)": 70211 });
  });
});
