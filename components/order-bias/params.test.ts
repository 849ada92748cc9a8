import { describe, expect, it } from "vitest";

import type { OrderBiasConfigRow } from "@/lib/queries/order-bias-types";

import { orderBiasHref, parseOrderBiasParams, sortConfigRows } from "./params";

function row(config: string, fields: Partial<OrderBiasConfigRow>): OrderBiasConfigRow {
  return {
    config, displayName: config.toUpperCase(), group: null, boardRank: null, sensitivityRank: null, sensitivity: null, meanDelta: null,
    flipRate: null, anyFlipRate: null, consistency: null, nDatasets: 0, nCells: 0, ...fields,
  };
}

describe("order-bias URL state", () => {
  it("parses valid values and reports invalid ones", () => {
    expect(parseOrderBiasParams({})).toEqual({ params: { config: null, sort: "sensitivity", data: "auto" }, issues: [] });
    expect(parseOrderBiasParams({ config: "grok-4", sort: "flip", data: ["demo", "real"] }).params).toEqual({ config: "grok-4", sort: "flip", data: "demo" });
    const bad = parseOrderBiasParams({ sort: "x", data: "y", config: "c".repeat(201) });
    expect(bad.params).toEqual({ config: null, sort: "sensitivity", data: "auto" });
    expect(bad.issues.map((i) => i.param)).toEqual(["sort", "data", "config"]);
  });

  it("builds links with the defaults dropped", () => {
    expect(orderBiasHref({})).toBe("/order-bias");
    expect(orderBiasHref({ config: "gpt-oss-20b (low)", sort: "sensitivity", data: "auto" }, "detail")).toBe("/order-bias?config=gpt-oss-20b+%28low%29#detail");
    expect(orderBiasHref({ sort: "name", data: "all" })).toBe("/order-bias?sort=name&data=all");
    // A link round-trips through the parser.
    const q = new URLSearchParams(orderBiasHref({ config: "a&b", sort: "delta", data: "real" }).split("?")[1]);
    expect(parseOrderBiasParams(Object.fromEntries(q)).params).toEqual({ config: "a&b", sort: "delta", data: "real" });
  });

  it("sorts the ranking, missing values last, ties in board order", () => {
    const rows = [
      row("a", { sensitivity: 0.01, meanDelta: -0.01, flipRate: 0.1, consistency: 0.9 }),
      row("b", { sensitivity: 0.03, meanDelta: 0.02, flipRate: 0.3, consistency: 0.5 }),
      row("c", {}),
      row("d", { sensitivity: 0.03, meanDelta: -0.03, flipRate: 0.2, consistency: 0.7 }),
    ];
    const order = (s: Parameters<typeof sortConfigRows>[1]) => sortConfigRows(rows, s).map((r) => r.config);
    expect(order("sensitivity")).toEqual(["b", "d", "a", "c"]);
    expect(order("delta")).toEqual(["d", "a", "b", "c"]);
    expect(order("flip")).toEqual(["b", "d", "a", "c"]);
    expect(order("consistency")).toEqual(["b", "d", "a", "c"]);
    expect(order("board")).toEqual(["a", "b", "c", "d"]);
    expect(order("name")).toEqual(["a", "b", "c", "d"]);
  });
});
