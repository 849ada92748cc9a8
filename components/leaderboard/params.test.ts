import { describe, expect, it } from "vitest";

import { DEFAULT_LEADERBOARD_SETTINGS } from "@/lib/queries/leaderboard-types";
import {
  DEFAULT_CAP,
  DEFAULT_PARAMS,
  isDefaultSettings,
  leaderboardHref,
  parseLeaderboardParams,
  settingsKey,
  toQueryString,
  toSearchParams,
  validateLeaderboardParams,
  type LeaderboardParams,
} from "./params";

describe("parseLeaderboardParams", () => {
  it("gives the Medmarks defaults for an empty URL", () => {
    expect(parseLeaderboardParams({})).toEqual(DEFAULT_PARAMS);
    expect(parseLeaderboardParams(new URLSearchParams(""))).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.settings).toEqual(DEFAULT_LEADERBOARD_SETTINGS);
  });

  it("reads every parameter from a Next searchParams record", () => {
    const p = parseLeaderboardParams({
      board: "OE",
      weights: "cap",
      cap: "500",
      coverage: "per-model",
      orders: "separate",
      missing: "zero",
      data: "all",
      q: "  gpt oss ",
      group: "medical,open-weight",
      org: "Google,OpenAI",
      effort: "high,none",
      size: "small,large",
      sort: "medqa:desc",
      cols: "-simple,-tokens",
      sel: "gpt-5-high,medgemma-27b",
    });
    expect(p).toEqual<LeaderboardParams>({
      board: "OE",
      settings: { weights: "cap", cap: 500, coverage: "per-model", orders: "separate", missing: "zero", data: "all" },
      q: "gpt oss",
      group: ["medical", "open-weight"],
      org: ["Google", "OpenAI"],
      effort: ["high", "none"],
      size: ["small", "large"],
      sort: { id: "medqa", desc: true },
      cols: { simple: false, tokens: false },
      sel: ["gpt-5-high", "medgemma-27b"],
    });
  });

  it("reads a URLSearchParams (and Next's ReadonlyURLSearchParams) the same way", () => {
    const sp = new URLSearchParams("board=OE&weights=sqrt&sort=weighted:asc");
    const p = parseLeaderboardParams(sp);
    expect(p.board).toBe("OE");
    expect(p.settings.weights).toBe("sqrt");
    expect(p.sort).toEqual({ id: "weighted", desc: false });
  });

  it("falls back to defaults for invalid values instead of throwing, and reports them", () => {
    const { params, issues } = validateLeaderboardParams({
      board: "X",
      weights: "log",
      coverage: "none",
      orders: "1",
      missing: "nan",
      data: "everything",
      group: "medical,alien",
      size: "huge,small",
      sort: "weighted",
      cols: "-ok,-bad id!",
    });
    expect(params.board).toBe("V");
    expect(params.settings).toEqual(DEFAULT_LEADERBOARD_SETTINGS);
    expect(params.group).toEqual(["medical"]);
    expect(params.size).toEqual(["small"]);
    expect(params.sort).toBeNull();
    expect(params.cols).toEqual({ ok: false });
    expect(issues.map((i) => i.param).sort()).toEqual(
      ["board", "cols", "coverage", "data", "group", "missing", "orders", "size", "sort", "weights"].sort(),
    );
    expect(issues.find((i) => i.param === "weights")?.message).toMatch(/ln, sqrt, equal or cap/);
  });

  it("accepts every run selection, official and community included, and rejects others in the usual style", () => {
    for (const data of ["auto", "real", "official", "community", "demo", "all"] as const) {
      const { params, issues } = validateLeaderboardParams({ data });
      expect(params.settings.data).toBe(data);
      expect(issues).toEqual([]);
    }
    expect(parseLeaderboardParams({ data: "Official" }).settings.data).toBe("official");
    expect(parseLeaderboardParams({ data: "COMMUNITY" }).settings.data).toBe("community");
    const { params, issues } = validateLeaderboardParams({ data: "submitted" });
    expect(params.settings.data).toBe("auto");
    expect(issues).toEqual([
      { param: "data", value: "submitted", message: "data=\"submitted\" is not a run selection (use auto, real, official, community, demo or all)" },
    ]);
  });

  it("never throws on hostile input", () => {
    const weird = {
      board: ["OE", "V"],
      q: "x".repeat(10_000),
      sel: ",,,a,,a,b,",
      cols: "+,-,--,",
      sort: ":desc",
      cap: "1e400",
      __proto__: "x",
      constructor: "y",
    } as Record<string, string | string[]>;
    const p = parseLeaderboardParams(weird);
    expect(p.board).toBe("OE"); // repeated: the first wins
    expect(p.q.length).toBe(200);
    expect(p.sel).toEqual(["a", "b"]);
    expect(p.sort).toBeNull();
  });

  it("is case-insensitive for enumerated values", () => {
    const p = parseLeaderboardParams({ board: "oe", weights: "SQRT", group: "Medical" });
    expect(p.board).toBe("OE");
    expect(p.settings.weights).toBe("sqrt");
    expect(p.group).toEqual(["medical"]);
  });

  it("sets a cap only with weights=cap, defaulting it when absent or invalid", () => {
    expect(parseLeaderboardParams({ weights: "cap" }).settings.cap).toBe(DEFAULT_CAP);
    expect(parseLeaderboardParams({ weights: "cap", cap: "0" }).settings.cap).toBe(DEFAULT_CAP);
    expect(parseLeaderboardParams({ weights: "cap", cap: "2.5" }).settings.cap).toBe(DEFAULT_CAP);
    expect(parseLeaderboardParams({ weights: "cap", cap: "250" }).settings.cap).toBe(250);
    expect(parseLeaderboardParams({ weights: "ln", cap: "250" }).settings.cap).toBeNull();
    expect(validateLeaderboardParams({ cap: "abc" }).issues.map((i) => i.param)).toEqual(["cap"]);
  });

  it("treats rank:asc as the default sort", () => {
    expect(parseLeaderboardParams({ sort: "rank:asc" }).sort).toBeNull();
    expect(parseLeaderboardParams({ sort: "rank:desc" }).sort).toEqual({ id: "rank", desc: true });
  });

  it("never hides the identity columns", () => {
    expect(parseLeaderboardParams({ cols: "-rank,-config,-select,-medqa" }).cols).toEqual({ medqa: false });
  });

  it("drops shown-column entries that are already the default", () => {
    expect(parseLeaderboardParams({ cols: "+medqa,weighted" }).cols).toEqual({});
  });
});

describe("toSearchParams", () => {
  it("drops every default", () => {
    expect(toSearchParams(DEFAULT_PARAMS).toString()).toBe("");
    expect(leaderboardHref(DEFAULT_PARAMS)).toBe("/");
  });

  it("round-trips any parsed params", () => {
    const inputs = [
      "board=OE&weights=cap&cap=500&coverage=per-model&orders=separate&missing=zero&data=demo",
      "q=med+gemma&group=medical,quantized&org=Google&effort=none&size=unknown&sort=pubmedqa:asc&cols=-simple&sel=a,b",
      "weights=cap",
      "sort=rank:desc",
      "board=V&weights=ln&sort=rank:asc",
      "data=official",
      "board=OE&data=community&sort=rank:desc",
    ];
    for (const input of inputs) {
      const p = parseLeaderboardParams(new URLSearchParams(input));
      expect(parseLeaderboardParams(toSearchParams(p))).toEqual(p);
      expect(parseLeaderboardParams(new URLSearchParams(toQueryString(p)))).toEqual(p);
    }
  });

  it("writes a readable, stable query string", () => {
    const p = parseLeaderboardParams(
      new URLSearchParams("sel=b,a&sort=medqa:desc&group=medical,open-weight&board=OE&q=gpt 5&weights=cap"),
    );
    expect(toQueryString(p)).toBe("board=OE&weights=cap&q=gpt%205&group=medical,open-weight&sort=medqa:desc&sel=b,a");
    expect(leaderboardHref(p, "/")).toBe(`/?${toQueryString(p)}`);
  });

  it("carries a valid snapshot pin and drops a malformed one", () => {
    const p = parseLeaderboardParams({ board: "OE", snapshot: "0123456789abcdef" });
    expect(p.snapshot).toBe("0123456789abcdef");
    expect(toQueryString(p)).toBe("board=OE&snapshot=0123456789abcdef");
    expect(leaderboardHref({ ...p, board: "V" })).toBe("/?snapshot=0123456789abcdef");
    expect(parseLeaderboardParams(toSearchParams(p))).toEqual(p);
    const bad = validateLeaderboardParams({ snapshot: "latest" });
    expect(bad.params).toEqual(DEFAULT_PARAMS);
    expect(bad.issues).toEqual([]);
  });

  it("omits the default cap and any cap without weights=cap", () => {
    const base = parseLeaderboardParams({});
    expect(toQueryString({ ...base, settings: { ...base.settings, weights: "cap", cap: DEFAULT_CAP } })).toBe("weights=cap");
    expect(toQueryString({ ...base, settings: { ...base.settings, weights: "cap", cap: 42 } })).toBe("weights=cap&cap=42");
    expect(toQueryString({ ...base, settings: { ...base.settings, weights: "sqrt", cap: 42 } })).toBe("weights=sqrt");
  });
});

describe("settings helpers", () => {
  it("recognises the default settings", () => {
    expect(isDefaultSettings(DEFAULT_LEADERBOARD_SETTINGS)).toBe(true);
    expect(isDefaultSettings({ ...DEFAULT_LEADERBOARD_SETTINGS, data: "all" })).toBe(false);
  });

  it("keys (board, settings) for ETags", () => {
    expect(settingsKey("V", DEFAULT_LEADERBOARD_SETTINGS)).toBe("V.ln.all-models.folded.neg-inf.auto");
    expect(settingsKey("OE", { ...DEFAULT_LEADERBOARD_SETTINGS, weights: "cap", cap: 300 })).toBe(
      "OE.cap300.all-models.folded.neg-inf.auto",
    );
    expect(settingsKey("V", { ...DEFAULT_LEADERBOARD_SETTINGS, data: "official" })).toBe("V.ln.all-models.folded.neg-inf.official");
    expect(settingsKey("V", { ...DEFAULT_LEADERBOARD_SETTINGS, data: "community" })).toBe("V.ln.all-models.folded.neg-inf.community");
    expect(toQueryString({ ...DEFAULT_PARAMS, settings: { ...DEFAULT_LEADERBOARD_SETTINGS, data: "community" } })).toBe("data=community");
  });
});
