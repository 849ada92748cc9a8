import { describe, expect, it } from "vitest";

import { matrixCsv, matrixFilename } from "./matrix-csv";
import { headToHeadHref, parseHeadToHeadParams } from "./params";

const view = {
  configs: [
    { config: "x", displayName: "Model, X", group: null, rank: 1, winRate: 0.6 },
    { config: "y", displayName: "=Y", group: null, rank: 2, winRate: 0.4 },
  ],
  weighted: [null, 0.6180339887498949, 0.3819660112501051, null],
  simple: [null, 0.625, 0.375, null],
  synthetic: true,
};

describe("matrixCsv", () => {
  it("writes one line per row configuration, raw full-precision shares, empty diagonal and a synthetic field", () => {
    expect(matrixCsv(view, "weighted")).toBe(
      'rank,config,display_name,x,y,synthetic\r\n1,x,"Model, X",,0.6180339887498949,true\r\n2,y,\'=Y,0.3819660112501051,,true\r\n',
    );
    expect(matrixCsv(view, "simple").split("\r\n")[1]).toBe('1,x,"Model, X",,0.625,true');
  });

  it("names the file after board, mean, snapshot and demo data", () => {
    expect(matrixFilename({ board: "OE", snapshot: { id: "abc123", createdAt: "", runCount: 0 }, synthetic: true }, "simple")).toBe(
      "medmarks-oe-head-to-head-simple-abc123-synthetic-demo.csv",
    );
  });
});

describe("head-to-head params", () => {
  it("parses board, a and b with defaults, and builds links", () => {
    expect(parseHeadToHeadParams({})).toEqual({ board: "V", a: null, b: null });
    expect(parseHeadToHeadParams({ board: "OE", a: ["p", "q"], b: " r " })).toEqual({ board: "OE", a: "p", b: "r" });
    expect(parseHeadToHeadParams({ board: "x", a: "" })).toEqual({ board: "V", a: null, b: null });
    expect(headToHeadHref({ board: "V", a: "a b", b: "c" }, "breakdown")).toBe("/head-to-head?board=V&a=a+b&b=c#breakdown");
  });
});
