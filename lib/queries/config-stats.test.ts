import { describe, expect, it } from "vitest";
import { canonicalJson, compareSampling, competitionRank, median, parseJson, standing } from "./config-stats";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([0.5, 0.25, 0.75])).toBe(0.5);
    expect(median([0.1, 0.9, 0.3, 0.5])).toBeCloseTo(0.4, 12);
    expect(median([3])).toBe(3);
  });
  it("is null without finite values and ignores NaN", () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN])).toBeNull();
    expect(median([1, Number.NaN, 2])).toBe(1.5);
  });
  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("competitionRank and standing", () => {
  it("ranks higher-is-better, equal scores share a rank", () => {
    const all = [0.75, 0.5, 0.5, 0.25];
    expect(competitionRank(0.75, all)).toBe(1);
    expect(competitionRank(0.5, all)).toBe(2);
    expect(competitionRank(0.25, all)).toBe(4);
  });
  it("gives the median, the delta to it and the rank", () => {
    // b 0.75, c 0.5, a 0.25: median 0.5.
    expect(standing(0.25, [0.25, 0.75, 0.5])).toEqual({ median: 0.5, delta: -0.25, rank: 3, nConfigs: 3 });
    expect(standing(0.75, [0.25, 0.75, 0.5])).toEqual({ median: 0.5, delta: 0.25, rank: 1, nConfigs: 3 });
    expect(standing(null, [0.25, 0.75])).toEqual({ median: 0.5, delta: null, rank: null, nConfigs: 2 });
    expect(standing(null, [])).toEqual({ median: null, delta: null, rank: null, nConfigs: 0 });
  });
});

describe("sampling arguments", () => {
  it("compares objects whatever their key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ top_p: 0.95, temperature: 1 })).toBe(canonicalJson({ temperature: 1, top_p: 0.95 }));
  });
  it("parses JSON text and keeps objects", () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson({ a: 1 })).toEqual({ a: 1 });
    expect(parseJson(null)).toEqual({});
  });
  it("flags runs that differ from the configuration and from each other", () => {
    const config = { temperature: 1, top_p: 0.95 };
    const same = compareSampling(config, [
      { id: 2, args: { top_p: 0.95, temperature: 1 } },
      { id: 1, args: { temperature: 1, top_p: 0.95 } },
    ]);
    expect(same).toEqual({ observed: [{ args: { top_p: 0.95, temperature: 1 }, runIds: [1, 2], matchesConfig: true }], differsFromConfig: false, runsDiffer: false });

    const mixed = compareSampling(config, [
      { id: 1, args: config },
      { id: 3, args: { temperature: 0.7 } },
      { id: 2, args: config },
    ]);
    expect(mixed.differsFromConfig).toBe(true);
    expect(mixed.runsDiffer).toBe(true);
    expect(mixed.observed.map((o) => [o.runIds, o.matchesConfig])).toEqual([
      [[1, 2], true],
      [[3], false],
    ]);

    // All runs agree with each other, but not with the configuration.
    const allOther = compareSampling(config, [{ id: 5, args: { temperature: 0 } }]);
    expect(allOther).toMatchObject({ differsFromConfig: true, runsDiffer: false });
    expect(compareSampling(config, [])).toEqual({ observed: [], differsFromConfig: false, runsDiffer: false });
  });
});
