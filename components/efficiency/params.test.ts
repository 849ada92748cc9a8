import { describe, expect, it } from "vitest";
import { DEFAULT_EFFICIENCY_PARAMS, efficiencyHref, parseEfficiencyParams } from "./params";

describe("efficiency URL params", () => {
  it("parses every parameter and falls back to the defaults", () => {
    expect(parseEfficiencyParams({})).toEqual(DEFAULT_EFFICIENCY_PARAMS);
    expect(parseEfficiencyParams({ board: "oe", x: "latency", benchmark: "medqa", ladders: "0" })).toEqual({
      board: "OE",
      x: "latency",
      benchmark: "medqa",
      ladders: false,
    });
    expect(parseEfficiencyParams(new URLSearchParams("board=X&x=cost&benchmark=%3Cscript%3E&ladders=maybe"))).toEqual(DEFAULT_EFFICIENCY_PARAMS);
    expect(parseEfficiencyParams({ x: ["total", "latency"], benchmark: "" })).toMatchObject({ x: "total", benchmark: null });
  });

  it("builds hrefs without the defaults, and round-trips", () => {
    expect(efficiencyHref(DEFAULT_EFFICIENCY_PARAMS)).toBe("/efficiency");
    const p = { board: "OE", x: "total", benchmark: "healthbench", ladders: false } as const;
    const href = efficiencyHref(p);
    expect(href).toBe("/efficiency?board=OE&x=total&benchmark=healthbench&ladders=0");
    expect(parseEfficiencyParams(new URLSearchParams(href.split("?")[1]))).toEqual(p);
  });
});
