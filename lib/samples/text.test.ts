import { describe, expect, it } from "vitest";
import { excerpt, headOf, sanitizeSearch, searchJsonPath, utf8Length } from "./text";

describe("excerpt", () => {
  it("collapses whitespace and keeps short text whole", () => {
    expect(excerpt("  The  answer\n\nis\t<answer>B</answer>  ")).toBe("The answer is <answer>B</answer>");
    expect(excerpt(null)).toBe("");
    expect(excerpt("")).toBe("");
    expect(excerpt("   \n ")).toBe("");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const text = "word ".repeat(100);
    const e = excerpt(text, 40);
    expect(e.endsWith("…")).toBe(true);
    expect(e.length).toBeLessThanOrEqual(41);
    expect(e).toBe(`${"word ".repeat(8).trim()}…`);
  });

  it("cuts inside a long word when there is no space near the end", () => {
    expect(excerpt("x".repeat(500), 10)).toBe(`${"x".repeat(10)}…`);
  });

  it("looks only at a bounded prefix of a huge text and never splits a surrogate pair", () => {
    const big = "a".repeat(9) + "😀" + "b".repeat(2_000_000);
    const e = excerpt(big, 10);
    expect(e).toBe("a".repeat(9) + "…"); // the emoji would be cut in half: dropped whole
    expect(excerpt(`${" ".repeat(700)}tail`, 10)).toBe("tail");
  });

  it("marks text that continues beyond the inspected prefix", () => {
    const text = `short${" ".repeat(1000)}more`;
    expect(excerpt(text, 160)).toBe("short…");
  });
});

describe("headOf / utf8Length", () => {
  it("keeps surrogate pairs whole", () => {
    expect(headOf("ab😀c", 3)).toBe("ab");
    expect(headOf("ab😀c", 4)).toBe("ab😀");
    expect(headOf("abc", 10)).toBe("abc");
  });

  it("counts UTF-8 bytes like TextEncoder", () => {
    for (const s of ["", "abc", "é", "€", "😀", "a\u{10FFFF}b", "\ud800x", "x".repeat(1000)]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe("searchJsonPath", () => {
  it("quotes the text as a jsonpath string literal matched literally and case-insensitively", () => {
    expect(searchJsonPath('50% a_b "x"\n.*')).toBe(
      'lax $[*] ? (@ like_regex "50% a_b \\"x\\"\\n.*" flag "iq" || @.content like_regex "50% a_b \\"x\\"\\n.*" flag "iq" || ' +
        '@.content[*].text like_regex "50% a_b \\"x\\"\\n.*" flag "iq" || @.reasoning_content like_regex "50% a_b \\"x\\"\\n.*" flag "iq" || ' +
        '@.reasoning like_regex "50% a_b \\"x\\"\\n.*" flag "iq")',
    );
  });

  it("drops NUL and replaces lone surrogate halves, keeping pairs", () => {
    expect(sanitizeSearch("a\u0000b")).toBe("ab");
    expect(sanitizeSearch("x\ud800y\udc00z😀")).toBe("x\ufffdy\ufffdz😀");
  });
});
