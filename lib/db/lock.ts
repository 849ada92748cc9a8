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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A process's start time (clock ticks since boot, Linux /proc), or null where unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * The lock's owner is still running: its pid is alive and (when the lock recorded it) has the
 * same start time, so a pid reused after a kill -9 or a container restart is not mistaken for it.
 */
export function lockHolderAlive(content: string): { pid: number; alive: boolean } {
  const [pidText, started] = content.trim().split(/\s+/);
  const pid = Number.parseInt(pidText, 10);
  if (!Number.isFinite(pid) || pid <= 0) return { pid, alive: false };
  if (!isAlive(pid)) return { pid, alive: false };
  if (started) {
    const now = processStartTime(pid);
    if (now !== null && now !== started) return { pid, alive: false };
  }
  return { pid, alive: true };
}

/** Take the lock for `dataDir`; returns a release function. Stale locks of dead pids are removed. */
export function acquireDirLock(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), path.basename(dataDir) + ".lock");
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const started = processStartTime(process.pid);
      fs.writeFileSync(lockFile, started ? `${process.pid} ${started}` : String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10) === process.pid) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const { pid, alive } = lockHolderAlive(fs.readFileSync(lockFile, "utf8"));
      if (pid === process.pid) throw new DataDirInUseError(dataDir, pid);
      if (alive) throw new DataDirInUseError(dataDir, pid);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock for ${dataDir}`);
}
