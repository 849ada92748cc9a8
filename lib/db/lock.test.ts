import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DataDirInUseError, processStartTime } from "./lock";

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
    expect(fs.readFileSync(`${d}.lock`, "utf8")).toMatch(new RegExp(`^${process.pid}( \\d+)?$`));
    release();
    expect(fs.existsSync(`${d}.lock`)).toBe(false);
  });

  it("reports a live foreign process by pid", () => {
    const d = dir();
    fs.writeFileSync(`${d}.lock`, "1"); // pid 1 is always alive
    expect(() => acquireDirLock(d)).toThrow(/in use by process 1\b/);
  });

  it("treats a live pid with another start time as a reused pid (stale lock after kill -9)", () => {
    const d = dir();
    // pid 1 is alive, but it did not start at tick 1 (the lock's owner did, and is gone).
    expect(processStartTime(1)).not.toBe("1");
    fs.writeFileSync(`${d}.lock`, "1 1");
    const release = acquireDirLock(d);
    expect(Number.parseInt(fs.readFileSync(`${d}.lock`, "utf8"), 10)).toBe(process.pid);
    release();
    // With its real start time, pid 1 still holds the lock.
    fs.writeFileSync(`${d}.lock`, `1 ${processStartTime(1)}`);
    expect(() => acquireDirLock(d)).toThrow(/in use by process 1\b/);
  });
});
