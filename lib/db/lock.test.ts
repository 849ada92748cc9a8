import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DataDirInUseError } from "./lock";

describe("PGlite data dir lock", () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mm-lock-")), "pglite");

  it("refuses a second opener while the first holds the lock, and frees it on release", () => {
    const d = dir();
    const release = acquireDirLock(d);
    expect(() => acquireDirLock(d)).toThrow(DataDirInUseError);
    expect(() => acquireDirLock(d)).toThrow(/in use by process \d+/);
    release();
    const again = acquireDirLock(d);
    again();
  });

  it("removes a stale lock left by a dead process", () => {
    const d = dir();
    fs.writeFileSync(`${d}.lock`, "999999999");
    const release = acquireDirLock(d);
    expect(fs.readFileSync(`${d}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${d}.lock`)).toBe(false);
  });

  it("reports a live foreign process by pid", () => {
    const d = dir();
    fs.writeFileSync(`${d}.lock`, "1"); // pid 1 is always alive
    expect(() => acquireDirLock(d)).toThrow(/in use by process 1\b/);
  });
});
