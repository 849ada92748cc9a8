import { describe, expect, it } from "vitest";
import { benchmarkRowHref, compareHref, configHref, decodeSlug, indexHref, parseConfigParams, parseIndexParams } from "./params";

describe("configuration page params", () => {
  it("parses board and runs, ignoring invalid values", () => {
    expect(parseConfigParams({})).toEqual({ board: null, runs: "board" });
    expect(parseConfigParams({ board: "OE", runs: "all" })).toEqual({ board: "OE", runs: "all" });
    expect(parseConfigParams({ board: "X", runs: ["all", "board"] })).toEqual({ board: null, runs: "all" });
  });
  it("builds links that round-trip", () => {
    expect(configHref("gpt-5_2")).toBe("/models/gpt-5_2");
    expect(configHref("a b", { board: "OE", runs: "all" }, "runs")).toBe("/models/a%20b?board=OE&runs=all#runs");
    const url = new URL(configHref("x", { board: "V", runs: "board" }), "http://h");
    expect(parseConfigParams(Object.fromEntries(url.searchParams))).toEqual({ board: "V", runs: "board" });
  });
  it("decodes the route segment safely", () => {
    expect(decodeSlug("a%20b")).toBe("a b");
    expect(decodeSlug("100%")).toBe("100%");
    expect(decodeSlug("gpt-oss-20b")).toBe("gpt-oss-20b");
  });
  it("links to the comparison and to the benchmark row", () => {
    expect(compareHref(["gpt-oss-20b", "gpt-oss-20b-high"])).toBe("/compare?configs=gpt-oss-20b,gpt-oss-20b-high");
    expect(benchmarkRowHref("medqa", "a/b")).toBe("/benchmarks/medqa#config-a%2Fb");
  });
});

describe("index params", () => {
  it("parses the group filter and the no-run toggle", () => {
    expect(parseIndexParams({})).toEqual({ group: null, noRun: false });
    expect(parseIndexParams({ group: "medical", norun: "1" })).toEqual({ group: "medical", noRun: true });
    expect(parseIndexParams({ group: "nope" })).toEqual({ group: null, noRun: false });
    expect(indexHref({ group: "quantized", noRun: true })).toBe("/models?group=quantized&norun=1");
    expect(indexHref({})).toBe("/models");
  });
});
