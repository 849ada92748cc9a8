import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { readLines } from "./lines";
import { tmpDir } from "./test-fixtures";

const write = (content: Buffer | string) => {
  const file = path.join(tmpDir(), "results.jsonl");
  fs.writeFileSync(file, content);
  return file;
};
const collect = async (file: string, max?: number) => {
  const out = [];
  for await (const l of readLines(file, max)) out.push(l);
  return out;
};

describe("readLines", () => {
  it("yields lines with numbers, offsets and CRLF stripped; flags an unterminated last line", async () => {
    const lines = await collect(write('{"a":1}\r\n\n{"b":"é"}\n{"c"'));
    expect(lines.map((l) => [l.lineNo, l.text, l.unterminated])).toEqual([
      [1, '{"a":1}', false],
      [2, "", false],
      [3, '{"b":"é"}', false],
      [4, '{"c"', true],
    ]);
    expect(lines[2].offset).toBe(9 + 1 + 11);
  });
  it("joins lines split across 1 MB read chunks", async () => {
    const long = "x".repeat(3 * 1024 * 1024);
    const lines = await collect(write(`${long}\nend\n`));
    expect(lines.map((l) => l.text.length)).toEqual([long.length, 3]);
  });
  it("names the line with invalid UTF-8 bytes", async () => {
    const file = write(Buffer.concat([Buffer.from('{"ok":1}\n{"bad":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
    const err = await collect(file).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ file, line: 2, problem: "is not valid UTF-8 text" });
  });
  it("refuses a line over the cap without building it", async () => {
    const file = write(`{"a":1}\n${"y".repeat(5000)}\n`);
    const err = await collect(file, 1024).catch((e) => e);
    expect(err).toMatchObject({ line: 2 });
    expect(err.message).toMatch(/longer than/);
  });
});
