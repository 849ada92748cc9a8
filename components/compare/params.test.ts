import { describe, expect, it } from "vitest";

import { compareViewHref, parseCompareParams, parseConfigList, MAX_PARSED_CONFIGS } from "./params";

describe("compare URL params", () => {
  it("parses a comma list (or repeated params), trimmed and de-duplicated, with defaults", () => {
    expect(parseCompareParams({ configs: " a, b ,,a,c " })).toEqual({
      configs: ["a", "b", "c"], ref: null, board: "V", a: null, b: null, dir: "a-only", benchmark: null, subtask: null, after: null,
    });
    expect(parseCompareParams(new URLSearchParams("configs=a&configs=b,c&board=oe&dir=b-only&ref=b")).configs).toEqual(["a", "b", "c"]);
    expect(parseCompareParams(new URLSearchParams("configs=a&board=oe&dir=b-only")).board).toBe("OE");
    expect(parseCompareParams({ board: "X", dir: "sideways" })).toMatchObject({ board: "V", dir: "a-only", configs: [] });
    expect(parseConfigList([Array.from({ length: 30 }, (_, i) => `c${i}`).join(",")]).length).toBe(MAX_PARSED_CONFIGS);
    expect(parseConfigList(["x".repeat(201) + ",ok"])).toEqual(["ok"]);
  });

  it("builds links that parse back to the same state, commas readable", () => {
    const p = {
      configs: ["gpt-oss-20b-low", "gemma-3-27b-it"], ref: "gemma-3-27b-it", board: "OE" as const, a: "gemma-3-27b-it", b: "gpt-oss-20b-low",
      dir: "b-only" as const, benchmark: "medqa", subtask: "medqa::base", after: "abc_-",
    };
    const href = compareViewHref(p, "items");
    expect(href).toBe(
      "/compare?configs=gpt-oss-20b-low,gemma-3-27b-it&ref=gemma-3-27b-it&board=OE&a=gemma-3-27b-it&b=gpt-oss-20b-low&dir=b-only&benchmark=medqa&subtask=medqa%3A%3Abase&after=abc_-#items",
    );
    const url = new URL(href, "http://x");
    expect(parseCompareParams(url.searchParams)).toEqual(p);
    expect(compareViewHref({ configs: ["a", "b"] })).toBe("/compare?configs=a,b&board=V");
    expect(compareViewHref({ configs: ["a,b", "c d"] })).toBe("/compare?configs=a%2Cb,c%20d&board=V");
  });
});
