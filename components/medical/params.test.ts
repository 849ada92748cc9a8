import { describe, expect, it } from "vitest";

import { formatP } from "./format-p";
import { medicalHref, parseMedicalParams } from "./params";

describe("medical params", () => {
  it("parses board and pair with defaults, and builds links", () => {
    expect(parseMedicalParams({})).toEqual({ board: "V", pair: null });
    expect(parseMedicalParams({ board: "OE", pair: "medgemma-27b-text" })).toEqual({ board: "OE", pair: "medgemma-27b-text" });
    expect(medicalHref({ board: "V", pair: "x" }, "pair")).toBe("/medical?board=V&pair=x#pair");
  });
});

describe("formatP", () => {
  it("shows small p-values with more decimals and missing ones as a dash", () => {
    expect(formatP(0.0001)).toBe("<0.001");
    expect(formatP(0.005859375)).toBe("0.006");
    expect(formatP(0.0390625)).toBe("0.04");
    expect(formatP(1)).toBe("1.00");
    expect(formatP(null)).toBe("—");
  });
});
