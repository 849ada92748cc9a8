import { describe, expect, it } from "vitest";
import { deltaAxis } from "./score-delta-chart";

describe("deltaAxis", () => {
  it("is symmetric around 0 and holds every bar and whisker", () => {
    // Largest reach: 0.3 + 0.39 = 0.69 → steps of 0.2, up to 0.8.
    expect(deltaAxis([{ delta: 0.3, err: [0.1, 0.39] }, { delta: -0.2, err: null }])).toEqual({ domain: [-0.8, 0.8], ticks: [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8] });
  });
  it("keeps at least ±5 pp for tiny differences", () => {
    expect(deltaAxis([{ delta: 0.001, err: null }])).toEqual({ domain: [-0.05, 0.05], ticks: [-0.05, 0, 0.05] });
  });
  it("uses 10 pp steps for a ±0.35 reach", () => {
    expect(deltaAxis([{ delta: -0.35, err: null }]).ticks).toEqual([-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4]);
  });
});
