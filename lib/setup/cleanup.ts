/**
 * Leftovers of a process killed mid-work (kill -9, OOM, power loss), removed at server start so
 * they never block or fill anything: archive extraction folders of dead ingests
 * (`<tmp>/mm-archive-<pid>-*`), and a DATA_DIR/server.json whose server is gone. Uploads in
 * DATA_DIR/uploads are kept: a partly received file is resumed by the browser from its size.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isAlive } from "../db/lock";
import { ARCHIVE_TEMP_PREFIX } from "../ingest/temp";

export interface CleanupReport {
  archiveTemps: string[];
  serverInfo: boolean;
}

export function cleanStaleFiles(dataDir: string, log: (m: string) => void = () => {}, tmpRoot = os.tmpdir()): CleanupReport {
  const report: CleanupReport = { archiveTemps: [], serverInfo: false };
  let names: string[] = [];
  try {
    names = fs.readdirSync(tmpRoot);
  } catch {
    /* no tmp dir */
  }
  for (const name of names) {
    if (!name.startsWith(ARCHIVE_TEMP_PREFIX)) continue;
    const pid = Number.parseInt(name.slice(ARCHIVE_TEMP_PREFIX.length), 10);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(tmpRoot, name), { recursive: true, force: true });
    report.archiveTemps.push(name);
  }
  const infoFile = path.join(dataDir, "server.json");
  try {
    const info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as { pid?: unknown };
    if (typeof info.pid !== "number" || (info.pid !== process.pid && !isAlive(info.pid))) {
      fs.rmSync(infoFile, { force: true });
      report.serverInfo = true;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      fs.rmSync(infoFile, { force: true }); // unreadable or half-written
      report.serverInfo = true;
    }
  }
  if (report.archiveTemps.length) log(`removed ${report.archiveTemps.length} archive extraction folder(s) left by stopped ingests`);
  if (report.serverInfo) log(`removed a stale ${infoFile} (its server is gone)`);
  return report;
}
