import { describe, expect, it } from "vitest";

import { contrastRatio, heatStyle, scalePosition, viridis } from "./heat";

describe("viridis", () => {
  it("hits the end points and interpolates between stops", () => {
    expect(viridis(0)).toBe("#440154");
    expect(viridis(1)).toBe("#fde725");
    expect(viridis(-1)).toBe("#440154");
    expect(viridis(2)).toBe("#fde725");
    expect(viridis(Number.NaN)).toBe("#440154");
    expect(viridis(1 / 9)).toBe("#482878");
  });
});

describe("heatStyle", () => {
  it("keeps text readable (WCAG AA, 4.5:1) on every colour of the ramp", () => {
    for (let i = 0; i <= 200; i++) {
      const { backgroundColor, color } = heatStyle(i / 200);
      expect(contrastRatio(backgroundColor, color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("uses white on the dark end and black on the light end", () => {
    expect(heatStyle(0).color).toBe("#ffffff");
    expect(heatStyle(1).color).toBe("#000000");
  });
});

describe("scalePosition", () => {
  it("maps to [0,1] and is 0.5 when the range is empty", () => {
    expect(scalePosition(0.5, 0, 1)).toBe(0.5);
    expect(scalePosition(0.2, 0.2, 0.6)).toBe(0);
    expect(scalePosition(0.9, 0.2, 0.6)).toBe(1);
    expect(scalePosition(0.3, 0.3, 0.3)).toBe(0.5);
  });
});
