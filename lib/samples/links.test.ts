import { describe, expect, it } from "vitest";
import { decodeSegment, parseQuestionParams, parseRolloutParam, questionHref, sampleHref } from "./links";

describe("sample and question URLs", () => {
  it("follow the fixed schemes with encoded ids and keys", () => {
    expect(sampleHref(12, "q/1 #x", 2)).toBe("/runs/12/samples/q%2F1%20%23x?rollout=2");
    expect(sampleHref(12, "7")).toBe("/runs/12/samples/7?rollout=0");
    expect(questionHref("longhealth", "3", "longhealth::task1")).toBe("/benchmarks/longhealth/questions/3?set=longhealth%3A%3Atask1");
    expect(questionHref("medqa", "3", "medqa::base", "all")).toBe("/benchmarks/medqa/questions/3?set=medqa%3A%3Abase&data=all");
    expect(questionHref("medqa", "3", null, "auto")).toBe("/benchmarks/medqa/questions/3");
  });

  it("decode route segments once, rejecting malformed ones", () => {
    expect(decodeSegment(encodeURIComponent("q/1 #x"))).toBe("q/1 #x");
    expect(decodeSegment("%41")).toBe("A");
    expect(decodeSegment("%E0%A4%A")).toBeNull();
    expect(decodeSegment("")).toBeNull();
  });

  it("parse ?rollout= and the question page params", () => {
    expect(parseRolloutParam(undefined)).toBe(0);
    expect(parseRolloutParam("3")).toBe(3);
    expect(parseRolloutParam(["2", "5"])).toBe(2);
    expect(parseRolloutParam("-1")).toBeNull();
    expect(parseRolloutParam("1e3")).toBeNull();
    expect(parseRolloutParam("40000")).toBeNull();
    expect(parseQuestionParams(new URLSearchParams("set=medqa%3A%3Abase&data=real"))).toEqual({ set: "medqa::base", data: "real", config: null });
    expect(parseQuestionParams(new URLSearchParams("config=gpt-5_2")).config).toBe("gpt-5_2");
    expect(parseQuestionParams({ config: "x".repeat(201) }).config).toBeNull();
    expect(parseQuestionParams({ data: "evil" })).toEqual({ set: null, data: "auto", config: null });
  });
});
