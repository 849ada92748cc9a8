import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from "./cursor";
import {
  DEFAULT_SAMPLE_PARAMS,
  hasSampleFilters,
  MAX_PAGE_SIZE,
  parseSampleParams,
  sampleParamsHref,
  sampleParamsToSearch,
  type SampleParams,
} from "./params";

const parse = (q: string) => parseSampleParams(new URLSearchParams(q));

describe("parseSampleParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual(DEFAULT_SAMPLE_PARAMS);
    expect(parseSampleParams({})).toEqual(DEFAULT_SAMPLE_PARAMS);
  });

  it("reads every parameter", () => {
    const after = encodeCursor("reward", "asc", { value: 0.5, exampleId: "12", rolloutIndex: 1 });
    const p = parse(
      `sort=reward&dir=asc&outcome=partial&min=0.25&max=0.75&mismatch=1&truncated=0&error=true&reasoning=no&q=${encodeURIComponent("  50% a_b ")}&size=100&after=${after}`,
    );
    expect(p).toEqual({
      sort: "reward",
      dir: "asc",
      outcome: "partial",
      minReward: 0.25,
      maxReward: 0.75,
      mismatch: true,
      truncated: false,
      error: true,
      reasoning: false,
      q: "50% a_b",
      size: 100,
      after,
      before: null,
    });
    expect(hasSampleFilters(p)).toBe(true);
  });

  it("reads Next's searchParams records (first value of a repeated key)", () => {
    expect(parseSampleParams({ sort: ["tokens", "reward"], q: "x", outcome: undefined })).toMatchObject({ sort: "tokens", dir: "desc", q: "x", outcome: null });
  });

  it("falls back to defaults for invalid values and never throws", () => {
    const p = parse("sort=evil&dir=sideways&outcome=maybe&min=abc&max=1e999&mismatch=2&truncated=&size=-3&after=%%%&before=zz");
    expect(p).toEqual(DEFAULT_SAMPLE_PARAMS);
    expect(parse("size=0").size).toBe(50);
    expect(parse("size=1").size).toBe(1);
    expect(parse("size=5000").size).toBe(MAX_PAGE_SIZE);
    expect(parse("size=2.5").size).toBe(50);
    expect(parse("min=%20").minReward).toBeNull();
    expect(parse("min=-0").minReward).toBe(0);
    expect(Object.is(parse("min=-0").minReward, -0)).toBe(false);
  });

  it("defaults the direction by sort: ids ascending, the rest descending", () => {
    expect(parse("sort=id").dir).toBe("asc");
    expect(parse("sort=reward").dir).toBe("desc");
    expect(parse("sort=tokens").dir).toBe("desc");
    expect(parse("sort=latency&dir=asc").dir).toBe("asc");
  });

  it("bounds the search text to 200 characters without splitting a surrogate pair", () => {
    expect(parse(`q=${"a".repeat(300)}`).q).toHaveLength(200);
    const emoji = parse(`q=${encodeURIComponent("😀".repeat(250))}`).q;
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).toBe("😀".repeat(200));
  });

  it("drops a cursor made for another sort or direction, or tampered with (→ first page)", () => {
    const c = encodeCursor("reward", "desc", { value: 1, exampleId: "3", rolloutIndex: 0 });
    expect(parse(`sort=reward&after=${c}`).after).toBe(c);
    expect(parse(`sort=reward&dir=asc&after=${c}`).after).toBeNull();
    expect(parse(`sort=tokens&after=${c}`).after).toBeNull();
    expect(parse(`sort=reward&after=${c.slice(0, -2)}`).after).toBeNull();
    expect(parse(`sort=reward&after=${c}x`).after).toBeNull();
    // `after` wins over `before`
    expect(parse(`sort=reward&after=${c}&before=${c}`)).toMatchObject({ after: c, before: null });
    expect(parse(`sort=reward&before=${c}`)).toMatchObject({ after: null, before: c });
  });
});

describe("sampleParamsToSearch", () => {
  it("writes nothing for the defaults", () => {
    expect(sampleParamsToSearch(DEFAULT_SAMPLE_PARAMS).toString()).toBe("");
    expect(sampleParamsHref("/runs/4", DEFAULT_SAMPLE_PARAMS)).toBe("/runs/4#samples");
    expect(sampleParamsHref("/runs/4", { ...DEFAULT_SAMPLE_PARAMS, sort: "reward", dir: "desc" }, "")).toBe("/runs/4?sort=reward");
  });

  it("round-trips every state through the URL", () => {
    const cursor = (sort: SampleParams["sort"], dir: SampleParams["dir"]) =>
      encodeCursor(sort, dir, { value: sort === "id" ? null : 7, exampleId: "q/1 ü", rolloutIndex: 2 });
    const states: SampleParams[] = [
      DEFAULT_SAMPLE_PARAMS,
      { ...DEFAULT_SAMPLE_PARAMS, sort: "reward", dir: "asc", outcome: "wrong", minReward: 1e-7, maxReward: -0.5, q: "a&b=c #x" },
      { ...DEFAULT_SAMPLE_PARAMS, sort: "tokens", dir: "desc", mismatch: false, truncated: true, error: false, reasoning: true, size: 200, after: cursor("tokens", "desc") },
      { ...DEFAULT_SAMPLE_PARAMS, sort: "latency", dir: "asc", size: 1, before: cursor("latency", "asc") },
      { ...DEFAULT_SAMPLE_PARAMS, sort: "id", dir: "desc", after: cursor("id", "desc") },
    ];
    for (const s of states) {
      const text = sampleParamsToSearch(s).toString();
      expect(parse(text)).toEqual(s);
      expect(sampleParamsToSearch(parse(text)).toString()).toBe(text);
    }
  });
});

describe("cursors", () => {
  it("encode to base64url and decode back for their own sort and direction", () => {
    const key = { value: 0.1 + 0.2, exampleId: "ünïcødé/😀", rolloutIndex: 3 };
    const c = encodeCursor("reward", "asc", key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, "reward", "asc")).toEqual(key);
    expect(decodeCursor(c, "reward", "desc")).toBeNull();
    expect(decodeCursor(encodeCursor("reward", "asc", { ...key, value: null }), "reward", "asc")).toEqual({ ...key, value: null });
  });

  it("store no value for the id sort", () => {
    const c = encodeCursor("id", "asc", { value: 99, exampleId: "5", rolloutIndex: 0 });
    expect(decodeCursor(c, "id", "asc")).toEqual({ value: null, exampleId: "5", rolloutIndex: 0 });
  });

  it("reject tampered or malformed cursors", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const bad = [
      "",
      "!!!",
      "a",
      Buffer.from("not json").toString("base64url"),
      b64({ sort: "reward" }),
      b64(["reward", "asc", 1, "1"]),
      b64(["reward", "asc", "1", "1", 0]),
      b64(["reward", "asc", 1, 1, 0]),
      b64(["reward", "asc", 1, "", 0]),
      b64(["reward", "asc", 1, "1", -1]),
      b64(["reward", "asc", 1, "1", 1.5]),
      b64(["reward", "asc", 1, "1", 40000]),
      b64(["reward", "asc", 1, "x".repeat(1001), 0]),
      b64(["tokens", "asc", 1.5, "1", 0]),
      b64(["tokens", "asc", 2 ** 31, "1", 0]),
      b64(["id", "asc", 3, "1", 0]),
      "A".repeat(MAX_CURSOR_LENGTH + 4),
      Buffer.from([0xff, 0xfe, 0x00]).toString("base64url"),
    ];
    for (const c of bad) expect(decodeCursor(c, "reward", "asc")).toBeNull();
    expect(decodeCursor(b64(["tokens", "asc", 1.5, "1", 0]), "tokens", "asc")).toBeNull();
    expect(decodeCursor(b64(["id", "asc", 3, "1", 0]), "id", "asc")).toBeNull();
    expect(decodeCursor(b64(["tokens", "asc", 12, "1", 0]), "tokens", "asc")).toEqual({ value: 12, exampleId: "1", rolloutIndex: 0 });
    expect(decodeCursor(null, "id", "asc")).toBeNull();
  });
});
