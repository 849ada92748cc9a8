import { describe, expect, it } from "vitest";

import { contrastRatio } from "@/components/leaderboard/heat";

import { diverging, divergingLimit, divergingStyle } from "./diverging";

describe("diverging scale", () => {
  it("is centred at 0: red below, blue above, clamped", () => {
    expect(diverging(0)).toBe("#f7f7f7");
    expect(diverging(-1)).toBe("#67001f");
    expect(diverging(1)).toBe("#053061");
    expect(diverging(-5)).toBe(diverging(-1));
    expect(diverging(Number.NaN)).toBe(diverging(0));
    const [r, , b] = [1, 3, 5].map((i) => Number.parseInt(diverging(-0.5).slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(b);
  });

  it("keeps the printed value readable on every colour", () => {
    for (let v = -0.1; v <= 0.1; v += 0.005) {
      const s = divergingStyle(v, 0.1);
      expect(contrastRatio(s.fill, s.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("takes the largest |value| rounded up to a whole point, 2 to 25 pp", () => {
    expect(divergingLimit([])).toBe(0.02);
    expect(divergingLimit([0.001, null, -0.004])).toBe(0.02);
    expect(divergingLimit([0.031, -0.052])).toBe(0.06);
    expect(divergingLimit([0.05])).toBe(0.05);
    expect(divergingLimit([-0.9])).toBe(0.25);
  });
});
