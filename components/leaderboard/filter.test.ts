import { describe, expect, it } from "vitest";

import { buildFixtureLeaderboardView } from "./fixture";
import { facetOptions, filterRows, hasActiveFilters, matchesSearch, sizeBucket, type RowFilters } from "./filter";

const rows = buildFixtureLeaderboardView().rows;
const none: RowFilters = { q: "", group: [], org: [], effort: [], size: [] };

describe("sizeBucket", () => {
  it("buckets by billions of parameters: <10 small, 10–70 medium, >70 large", () => {
    expect(sizeBucket(4)).toBe("small");
    expect(sizeBucket(9.99)).toBe("small");
    expect(sizeBucket(10)).toBe("medium");
    expect(sizeBucket(70)).toBe("medium");
    expect(sizeBucket(70.5)).toBe("large");
    expect(sizeBucket(null)).toBe("unknown");
    expect(sizeBucket(0)).toBe("unknown");
    expect(sizeBucket(Number.NaN)).toBe("unknown");
  });
});

describe("filterRows", () => {
  it("keeps everything without filters, in the given order", () => {
    expect(filterRows(rows, none)).toEqual(rows);
    expect(hasActiveFilters(none)).toBe(false);
  });

  it("searches alias, display name and org, every term, case-insensitively", () => {
    expect(filterRows(rows, { ...none, q: "MEDGEMMA" }).map((r) => r.config).sort()).toEqual(["medgemma-27b", "medgemma-4b"]);
    expect(filterRows(rows, { ...none, q: "google 27" }).map((r) => r.config).sort()).toEqual(["gemma-3-27b", "medgemma-27b"]);
    expect(filterRows(rows, { ...none, q: "baichuan" }).map((r) => r.config)).toEqual(["baichuan-m2"]);
    expect(matchesSearch(rows[0], "   ")).toBe(true);
  });

  it("ORs values within a facet and ANDs facets", () => {
    const f: RowFilters = { ...none, group: ["medical", "quantized"], size: ["large"] };
    expect(filterRows(rows, f).map((r) => r.config)).toEqual(["qwen3-235b-awq"]);
    expect(hasActiveFilters(f)).toBe(true);
    const g = filterRows(rows, { ...none, effort: ["none"], org: ["unknown"] });
    expect(g.map((r) => r.config)).toEqual(["acme-local"]);
  });
});

describe("facetOptions", () => {
  it("counts each value given the search and the other facets", () => {
    const opts = facetOptions(rows, { ...none, group: ["medical"] });
    const group = Object.fromEntries(opts.group.map((o) => [o.value, o.count]));
    // The group facet ignores its own selection ...
    expect(group).toEqual({ proprietary: 3, "open-weight": 4, medical: 3, quantized: 1 });
    expect(opts.group.find((o) => o.value === "medical")?.selected).toBe(true);
    // ... the org facet is restricted by it.
    const org = Object.fromEntries(opts.org.map((o) => [o.value, o.count]));
    expect(org.Google).toBe(2);
    expect(org.OpenAI).toBe(0);
    expect(org.Baichuan).toBe(1);
  });

  it("orders groups and sizes canonically and lists efforts with 'none' last", () => {
    const opts = facetOptions(rows, none);
    expect(opts.group.map((o) => o.value)).toEqual(["proprietary", "open-weight", "medical", "quantized"]);
    expect(opts.size.map((o) => o.value)).toEqual(["small", "medium", "large", "unknown"]);
    expect(opts.effort.map((o) => o.value)).toEqual(["low", "medium", "high", "none"]);
    expect(opts.org.at(-1)?.value).toBe("unknown");
  });

  it("keeps a selected value that is not on the board (count 0) so it can be removed", () => {
    const opts = facetOptions(rows, { ...none, org: ["Nobody"] });
    expect(opts.org.find((o) => o.value === "Nobody")).toEqual({ value: "Nobody", count: 0, selected: true });
  });

  it("offers no options for a facet with a single value", () => {
    const one = rows.filter((r) => r.org === "OpenAI");
    expect(facetOptions(one, none).org).toEqual([]);
  });
});
