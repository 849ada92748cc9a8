/**
 * A pid lock for the embedded PGlite data directory. PGlite has no cross-process locking: two
 * processes on one data dir silently lose writes. The second opener gets a clear error instead.
 */
import fs from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `PGlite data dir ${dataDir} is in use by process ${pid}. Stop that process first ` +
        `(or use a real Postgres with DATABASE_URL for several processes). ` +
        `If no such process runs, delete ${path.join(dataDir, "..", path.basename(dataDir) + ".lock")}.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the lock for `dataDir`; returns a release function. Stale locks of dead pids are removed. */
export function acquireDirLock(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), path.basename(dataDir) + ".lock");
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      if (pid === process.pid) throw new DataDirInUseError(dataDir, pid);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock for ${dataDir}`);
}
