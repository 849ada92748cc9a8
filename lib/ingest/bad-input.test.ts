/**
 * Bad input (issue: ingest): every faulty run is rejected with file, line and field, nothing of
 * it is written, and the good runs next to it are loaded.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "./index";
import { rowJson, tmpDir, writeGenARun } from "./test-fixtures";

type Breaker = (dir: string) => { file: string; line: number | null; field: string | null; message: RegExp };

const results = (dir: string) => path.join(dir, "results.jsonl");
const metadata = (dir: string) => path.join(dir, "metadata.json");
const good = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(rowJson({ id: i, reward: i % 2 }))).join("\n");

const CASES: [string, Breaker][] = [
  ["a truncated last line", (d) => {
    fs.writeFileSync(results(d), `${good(2)}\n{"example_id": 2, "rew`);
    return { file: results(d), line: 3, field: null, message: /last line is truncated/ };
  }],
  ["invalid JSON in the middle", (d) => {
    fs.writeFileSync(results(d), `${good(1)}\n{not json}\n${good(1)}\n`);
    return { file: results(d), line: 2, field: null, message: /not valid JSON/ };
  }],
  ["a wrong type", (d) => {
    const rows = good(3).split("\n");
    rows[2] = rows[2].replace('"example_id":2', '"example_id":{"x":1}');
    fs.writeFileSync(results(d), rows.join("\n") + "\n");
    return { file: results(d), line: 3, field: "example_id", message: /integer or a string/ };
  }],
  ["a missing metadata.json", (d) => {
    fs.rmSync(metadata(d));
    return { file: metadata(d), line: null, field: null, message: /is missing/ };
  }],
  ["metadata that lacks a required field", (d) => {
    const m = JSON.parse(fs.readFileSync(metadata(d), "utf8"));
    delete m.model;
    fs.writeFileSync(metadata(d), JSON.stringify(m));
    return { file: metadata(d), line: null, field: "model", message: /./ };
  }],
  ["metadata that disagrees with the rows", (d) => {
    const m = JSON.parse(fs.readFileSync(metadata(d), "utf8"));
    m.num_examples = 2;
    fs.writeFileSync(metadata(d), JSON.stringify(m));
    return { file: metadata(d), line: null, field: "num_examples", message: /results.jsonl has 3 rows/ };
  }],
  ["non-UTF-8 bytes", (d) => {
    fs.writeFileSync(results(d), Buffer.concat([Buffer.from(`${good(1)}\n{"example_id":1,"answer":"`), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
    return { file: results(d), line: 2, field: null, message: /not valid UTF-8/ };
  }],
  ["a 100 MB single line", (d) => {
    const fd = fs.openSync(results(d), "w");
    fs.writeSync(fd, `${good(1)}\n{"example_id":1,"completion":"`);
    const mb = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 100; i++) fs.writeSync(fd, mb);
    fs.writeSync(fd, '"}\n');
    fs.closeSync(fd);
    return { file: results(d), line: 2, field: null, message: /longer than 64 MB/ };
  }],
  ["an empty results.jsonl", (d) => {
    fs.writeFileSync(results(d), "");
    return { file: results(d), line: null, field: null, message: /has no rows/ };
  }],
  ["an empty metadata.json", (d) => {
    fs.writeFileSync(metadata(d), "");
    return { file: metadata(d), line: null, field: null, message: /is empty/ };
  }],
  ["duplicate example ids", (d) => {
    fs.writeFileSync(results(d), `${good(2)}\n${JSON.stringify(rowJson({ id: 1, reward: 1 }))}\n`);
    return { file: results(d), line: 3, field: "example_id", message: /duplicate example id 1/ };
  }],
];

describe.each(testDatabases())("bad input on $name", (database) => {
  const db = useCatalogDb(database);
  const count = async (sql: string) => Number((await db().raw.query<{ n: number }>(sql))[0].n);

  it.each(CASES)("rejects %s, naming file, line and field, and still loads the good run", async (_name, breakRun) => {
    const root = tmpDir();
    const model = `acme/model-${Math.random().toString(36).slice(2, 8)}`;
    writeGenARun(root, { model, envId: "pubmedqa", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }] });
    const bad = writeGenARun(root, { model, envId: "medqa", rows: [0, 1, 2].map((id) => ({ id, reward: 1 })) });
    const expected = breakRun(bad);
    const runsBefore = await count(`select count(*)::int as n from runs`);
    const rowsBefore = await count(`select count(*)::int as n from rollouts`);

    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    const rejected = report.runs.filter((r) => r.outcome === "rejected");
    const loaded = report.runs.filter((r) => r.outcome === "inserted");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].dir).toBe(bad);
    expect(rejected[0].errors).toHaveLength(1);
    const [err] = rejected[0].errors;
    expect({ file: err.file, line: err.line, field: err.field }).toEqual({ file: expected.file, line: expected.line, field: expected.field });
    expect(err.message).toMatch(expected.message);
    expect(loaded.map((r) => r.dataset)).toEqual(["pubmedqa::base"]);
    expect(await count(`select count(*)::int as n from runs`)).toBe(runsBefore + 1);
    expect(await count(`select count(*)::int as n from rollouts`)).toBe(rowsBefore + 2);
    expect(await count(`select count(*)::int as n from transcripts`)).toBe(await count(`select count(*)::int as n from rollouts`));
  });
});
