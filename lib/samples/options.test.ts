import { describe, expect, it } from "vitest";
import { labelOf, mapOriginalPositions, optionKey, optionRows } from "./options";

const ORIGINAL = { A: "Aspirin", B: "Heparin", C: "Alteplase", D: "None of the above" };
// seed-shuffled copy: B and C swapped places with A; D stays in place
const SHUFFLED = { A: "Alteplase", B: "Aspirin", C: " heparin ", D: "None of the above" };

describe("mapOriginalPositions", () => {
  it("finds where each displayed option sat in the original order, by text", () => {
    const m = mapOriginalPositions(SHUFFLED, ORIGINAL);
    expect(Object.fromEntries(m)).toEqual({
      A: { label: "C", position: 3 },
      B: { label: "A", position: 1 },
      C: { label: "B", position: 2 }, // case and whitespace ignored
      D: { label: "D", position: 4 },
    });
  });

  it("pairs duplicate texts in order and leaves unmatched options null", () => {
    const m = mapOriginalPositions({ A: "x", B: "x", C: "new" }, { A: "x", B: "y", C: "x" });
    expect(m.get("A")).toEqual({ label: "A", position: 1 });
    expect(m.get("B")).toEqual({ label: "C", position: 3 });
    expect(m.get("C")).toBeNull();
  });
});

describe("labelOf", () => {
  it("names a label by itself, by a letter form, or by the option text", () => {
    expect(labelOf("C", SHUFFLED)).toBe("C");
    expect(labelOf("c", SHUFFLED)).toBe("C");
    expect(labelOf("(B)", SHUFFLED)).toBe("B");
    expect(labelOf("B. Aspirin", SHUFFLED)).toBe("B");
    expect(labelOf("alteplase", SHUFFLED)).toBe("A");
    expect(labelOf("Z", SHUFFLED)).toBeNull();
    expect(labelOf(null, SHUFFLED)).toBeNull();
    expect(optionKey("  A  b\nC ")).toBe("a b c");
  });
});

describe("optionRows", () => {
  it("marks gold and chosen and, for a shuffled order, the original positions", () => {
    const rows = optionRows({ options: SHUFFLED, gold: "B", parsedAnswer: "A", chosenText: "Alteplase", original: ORIGINAL });
    expect(rows.map((r) => [r.label, r.gold, r.chosen, r.originalLabel, r.originalPosition])).toEqual([
      ["A", false, true, "C", 3],
      ["B", true, false, "A", 1],
      ["C", false, false, "B", 2],
      ["D", false, false, "D", 4],
    ]);
  });

  it("uses the chosen text when the parsed answer names no label, and has no positions without an original", () => {
    const rows = optionRows({ options: ORIGINAL, gold: "A", parsedAnswer: "I think heparin", chosenText: "Heparin", original: null });
    expect(rows.find((r) => r.chosen)?.label).toBe("B");
    expect(rows.every((r) => r.originalPosition === null && r.originalLabel === null)).toBe(true);
    expect(rows.find((r) => r.gold)?.label).toBe("A");
  });
});
