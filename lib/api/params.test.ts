import { describe, expect, it } from "vitest";

import { canonicalParams, decodePathSegment, ParamReader, parseId, readBoard } from "./params";

const reader = (qs: string) => new ParamReader(new URLSearchParams(qs));

describe("ParamReader", () => {
  it("reads valid values and defaults, ignoring blanks", () => {
    const r = reader("board=oe&x=total&size=20&min=0.5&error=1&q=%20pain%20&blank=%20");
    expect(readBoard(r)).toBe("OE");
    expect(r.oneOf("x", ["output", "total"] as const, "output")).toBe("total");
    expect(r.int("size", 1, 200, 50)).toBe(20);
    expect(r.int("absent", 1, 200, 50)).toBe(50);
    expect(r.number("min")).toBe(0.5);
    expect(r.flag("error")).toBe(true);
    expect(r.flag("blank")).toBeNull();
    expect(r.text("q", 200)).toBe("pain");
    expect(r.snapshot()).toBeNull();
    expect(r.issues).toEqual([]);
  });

  it("reports one issue per invalid parameter, naming it and what is accepted", () => {
    const r = reader("board=XL&size=0&min=abc&error=maybe&snapshot=ABCDEF0123456789&a=%01");
    readBoard(r);
    r.int("size", 1, 200, 50);
    r.number("min");
    r.flag("error");
    r.snapshot();
    r.slug("a", "a configuration slug");
    expect(r.issues.map((i) => i.param)).toEqual(["board", "size", "min", "error", "snapshot", "a"]);
    expect(r.issues[0].message).toBe('board="XL" is not a board (use V or OE)');
    expect(r.issues[1].message).toBe('size="0" is not a whole number from 1 to 200');
    expect(r.issues[4].message).toMatch(/16 lowercase hexadecimal digits/);
  });

  it("accepts a snapshot id of 16 lowercase hex digits", () => {
    expect(reader("snapshot=0123456789abcdef").snapshot()).toBe("0123456789abcdef");
  });
});

describe("canonicalParams", () => {
  it("sorts keys and leaves out nulls, so equal requests share a key", () => {
    expect(canonicalParams({ x: "total", board: "V", benchmark: null })).toBe("board=V&x=total");
    expect(canonicalParams({ b: "a&b=c", a: 1 })).toBe("a=1&b=a%26b%3Dc");
  });
});

describe("path segments", () => {
  it("parses positive int4 ids only", () => {
    expect(parseId("42")).toBe(42);
    for (const bad of ["0", "-1", "1.5", "abc", "2147483648", ""]) expect(parseId(bad)).toBeNull();
  });

  it("decodes percent-encoded segments", () => {
    expect(decodePathSegment("q%2F10")).toBe("q/10");
    expect(decodePathSegment("%E0%A4%A")).toBeNull();
    expect(decodePathSegment("")).toBeNull();
  });
});
