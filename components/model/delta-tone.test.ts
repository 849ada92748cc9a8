import { describe, expect, it } from "vitest";
import { contrastRatio } from "@/components/leaderboard/heat";
import { DELTA_COLORS, DELTA_FILLS, deltaColor, deltaFill, deltaTone } from "./delta-tone";

describe("deltaTone", () => {
  it("is centred at 0 with a neutral band of half a point", () => {
    expect(deltaTone(0.1)).toBe("positive");
    expect(deltaTone(-0.1)).toBe("negative");
    expect(deltaTone(0.004)).toBe("neutral");
    expect(deltaTone(-0.004)).toBe("neutral");
    expect(deltaTone(null)).toBe("neutral");
    expect(deltaTone(Number.NaN)).toBe("neutral");
    expect(deltaColor(-1)).toBe(DELTA_COLORS.negative);
  });
});

describe("delta colours", () => {
  it("pairs text and fill colours of one tone", () => {
    expect(deltaFill(0.2)).toBe(DELTA_FILLS.positive);
    expect(deltaFill(0)).toBe(DELTA_FILLS.neutral);
  });
  it("keeps fills at 3:1 against both themes' backgrounds (light #fff, dark ≈ #0a0a0a / card #1c1c1c)", () => {
    for (const fill of Object.values(DELTA_FILLS)) {
      for (const bg of ["#ffffff", "#0a0a0a", "#1c1c1c"]) expect(contrastRatio(fill, bg), `${fill} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
  it("keeps text colours at 4.5:1 in their theme", () => {
    for (const c of Object.values(DELTA_COLORS)) {
      const [light, dark] = /light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/.exec(c)!.slice(1);
      expect(contrastRatio(light, "#ffffff"), light).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark, "#0a0a0a"), dark).toBeGreaterThanOrEqual(4.5);
    }
  });
});
