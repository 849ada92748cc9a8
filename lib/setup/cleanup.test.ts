import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tmpDir } from "../ingest/test-fixtures";
import { archiveTempDir } from "../ingest/temp";
import { cleanStaleFiles } from "./cleanup";

describe("cleanStaleFiles (server start after a kill -9)", () => {
  it("removes archive folders and server.json of dead processes, keeps live ones and uploads", async () => {
    const tmp = tmpDir("mm-clean-tmp-");
    const data = tmpDir("mm-clean-data-");
    const dead = path.join(tmp, "mm-archive-999999999-abc");
    fs.mkdirSync(path.join(dead, "x", "runs"), { recursive: true });
    const mine = await archiveTempDir(tmp); // this process is alive
    expect(path.basename(mine)).toMatch(new RegExp(`^mm-archive-${process.pid}-`));
    const live = path.join(tmp, "mm-archive-1-live"); // pid 1 is alive
    fs.mkdirSync(live);
    const other = path.join(tmp, "unrelated");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(data, "server.json"), JSON.stringify({ pid: 999999999, origin: "http://127.0.0.1:1", token: "t" }));
    fs.mkdirSync(path.join(data, "uploads", "7"), { recursive: true });

    const report = cleanStaleFiles(data, () => {}, tmp);
    expect(report).toEqual({ archiveTemps: ["mm-archive-999999999-abc"], serverInfo: true });
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(mine) && fs.existsSync(live) && fs.existsSync(other)).toBe(true);
    expect(fs.existsSync(path.join(data, "server.json"))).toBe(false);
    expect(fs.existsSync(path.join(data, "uploads", "7"))).toBe(true);

    // A half-written server.json goes too; this process's own stays.
    fs.writeFileSync(path.join(data, "server.json"), '{"pid":');
    expect(cleanStaleFiles(data, () => {}, tmp).serverInfo).toBe(true);
    fs.writeFileSync(path.join(data, "server.json"), JSON.stringify({ pid: process.pid, origin: "o", token: "t" }));
    expect(cleanStaleFiles(data, () => {}, tmp).serverInfo).toBe(false);
  });
});
