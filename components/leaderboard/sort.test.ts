import { describe, expect, it } from "vitest";

import { nextSort, sortRows } from "./sort";

describe("nextSort", () => {
  const rank = { id: "rank", descFirst: false };
  const weighted = { id: "weighted", descFirst: true };
  const tokens = { id: "tokens", descFirst: false };

  it("cycles first direction → other direction → removed", () => {
    expect(nextSort({ id: "rank", desc: false }, weighted)).toEqual({ id: "weighted", desc: true });
    expect(nextSort({ id: "weighted", desc: true }, weighted)).toEqual({ id: "weighted", desc: false });
    expect(nextSort({ id: "weighted", desc: false }, weighted)).toBeNull();
    expect(nextSort({ id: "rank", desc: false }, tokens)).toEqual({ id: "tokens", desc: false });
    expect(nextSort({ id: "tokens", desc: false }, tokens)).toEqual({ id: "tokens", desc: true });
    expect(nextSort({ id: "tokens", desc: true }, tokens)).toBeNull();
  });

  it("treats the default rank order as rank ascending: the Rank header flips it, then restores it", () => {
    expect(nextSort({ id: "rank", desc: false }, rank)).toEqual({ id: "rank", desc: true });
    expect(nextSort({ id: "rank", desc: true }, rank)).toBeNull();
  });
});

describe("sortRows", () => {
  const rows = [
    { id: "a", v: 3 as number | undefined, t: "Model 10" },
    { id: "b", v: undefined, t: "model 2" },
    { id: "c", v: 1, t: "Alpha" },
    { id: "d", v: 3, t: "beta" },
    { id: "e", v: undefined, t: "Zeta" },
  ];
  const ids = (rs: typeof rows) => rs.map((r) => r.id).join("");

  it("sorts numbers both ways, missing values last either way, ties in the incoming order", () => {
    expect(ids(sortRows(rows, (r) => r.v, false))).toBe("cadbe");
    expect(ids(sortRows(rows, (r) => r.v, true))).toBe("adcbe");
  });

  it("sorts text case-insensitively with numeric parts compared as numbers", () => {
    expect(ids(sortRows(rows, (r) => r.t, false))).toBe("cdbae");
    expect(ids(sortRows(rows, (r) => r.t, true))).toBe("eabdc");
  });

  it("does not modify its input", () => {
    const before = ids(rows);
    sortRows(rows, (r) => r.v, true);
    expect(ids(rows)).toBe(before);
  });
});
