import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";

describe("csvLine", () => {
  it("distinguishes NULL (unquoted empty) from the empty string (quoted)", () => {
    expect(csvLine([null, "", undefined])).toBe(',"",\n');
  });
  it("quotes text and doubles embedded quotes, keeps newlines inside quotes", () => {
    expect(csvLine(['say "hi"\nnow', 3])).toBe('"say ""hi""\nnow",3\n');
  });
  it("serialises objects as JSON and strips NUL characters", () => {
    expect(csvLine([{ a: "x\u0000y" }, "p\u0000q"])).toBe('"{""a"":""xy""}","pq"\n');
  });
  it("writes booleans and non-finite numbers the way COPY reads them", () => {
    expect(csvLine([true, false, Number.NaN, -Infinity, 0.1])).toBe("t,f,NaN,-Infinity,0.1\n");
  });
});
