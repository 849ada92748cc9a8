/**
 * Temporary folders of the ingest (archives are unpacked into one): named with the owning pid, so
 * a later server start can remove the folders of processes that were killed (lib/setup/cleanup.ts).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const ARCHIVE_TEMP_PREFIX = "mm-archive-";

export function archiveTempDir(tmpRoot = os.tmpdir()): Promise<string> {
  return fs.mkdtemp(path.join(tmpRoot, `${ARCHIVE_TEMP_PREFIX}${process.pid}-`));
}
