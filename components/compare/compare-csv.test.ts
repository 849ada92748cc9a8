import { describe, expect, it } from "vitest";

import type { CompareView } from "@/lib/queries/compare-types";

import { COMPARE_CSV_FIELDS, compareCsvFilename, toCompareCsv } from "./compare-csv";

const view = {
  board: "V",
  snapshot: { id: "0123456789abcdef", createdAt: "2025-11-26T00:00:00Z", runCount: 2 },
  synthetic: true,
  ref: "r",
  configs: [
    { config: "r", displayName: "Ref, the model" },
    { config: "x", displayName: "=X" },
  ],
  comparison: {
    benchmarks: [
      {
        slug: "medqa",
        name: "MedQA",
        datasets: [],
        methods: ["mcnemar-exact"],
        cells: [
          { config: "r", score: { score: 0.75, ci: { lo: 0.5, hi: 0.9 }, nAnswered: 12 }, vsRef: null },
          {
            config: "x",
            score: { score: 0.5, ci: null, nAnswered: 11 },
            vsRef: {
              method: "mcnemar-exact", nShared: 11, onlyConfig: 0, onlyRef: 1, meanConfig: 0.5, meanRef: 0.75, diff: -0.25, ci: { lo: -0.5, hi: 0 },
              p: 0.125, pHolm: 0.25, discordant: { config: 0, ref: 3 },
            },
          },
        ],
      },
    ],
  },
} as unknown as CompareView;

describe("toCompareCsv", () => {
  it("writes one line per benchmark × configuration, raw numbers, empty for missing, quoted and guarded text", () => {
    const lines = toCompareCsv(view).split("\r\n");
    expect(lines[0]).toBe(COMPARE_CSV_FIELDS.join(","));
    expect(lines[1]).toBe('V,medqa,MedQA,r,"Ref, the model",r,true,0.75,0.5,0.9,12,,,,,,,,,,,,true');
    expect(lines[2]).toBe("V,medqa,MedQA,x,'=X,r,false,0.5,,,11,-0.25,-0.5,0,mcnemar-exact,0.125,0.25,11,0,1,0,3,true");
    expect(lines[3]).toBe("");
    expect(lines.length).toBe(4);
  });

  it("names the file after the board and snapshot, and says when the data are synthetic", () => {
    expect(compareCsvFilename(view)).toBe("medmarks-v-compare-0123456789ab-synthetic-demo.csv");
  });
});
