/**
 * Where uploads live and which files an upload may hold. Each submission has its own folder,
 * DATA_DIR/uploads/<id>/: archives under `archives/`, loose run files (a folder's metadata.json
 * and results.jsonl, keeping their relative paths) under `files/`. Names are checked like archive
 * entries (no `..`, absolute paths, backslashes, NUL), so nothing is ever written outside.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { isArchiveName, safeEntryPath } from "../ingest/archive";
import { IngestError } from "../ingest/errors";
import { SubmissionError } from "./errors";
import type { UploadFile } from "./types";

/** Loose files an upload may hold (anything else in a chosen folder is skipped by the browser). */
export const ARTIFACT_NAMES = new Set(["metadata.json", "results.jsonl", "run_manifest.json"]);

export function uploadsRoot(dataDir: string): string {
  return path.resolve(dataDir, "uploads");
}

export function submissionDir(dataDir: string, id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`bad submission id ${id}`);
  return path.join(uploadsRoot(dataDir), String(id));
}

/**
 * The checked, normalised path of an uploaded file, and its kind; throws a 400/415 naming the
 * file. Loose files without a folder go under `base/` (the variant folder of a Gen A run).
 */
export function checkUploadPath(name: unknown): { path: string; kind: UploadFile["kind"] } {
  if (typeof name !== "string" || name.length === 0 || name.length > 1024) throw new SubmissionError(400, "A file name is missing or too long.");
  let rel: string;
  try {
    rel = safeEntryPath("upload", name);
  } catch (e) {
    throw new SubmissionError(400, `${JSON.stringify(name)}: ${e instanceof IngestError ? e.problem : "bad file name"}.`, { file: name });
  }
  if (rel === "" || rel.split("/").some((p) => p.startsWith("."))) {
    throw new SubmissionError(400, `${JSON.stringify(name)}: hidden files and empty names are not accepted.`, { file: name });
  }
  const base = path.posix.basename(rel);
  if (isArchiveName(base)) {
    if (rel.includes("/")) throw new SubmissionError(400, `${name}: upload an archive on its own, not inside a folder.`, { file: name });
    return { path: rel, kind: "archive" };
  }
  if (ARTIFACT_NAMES.has(base) || base.toLowerCase().endsWith(".parquet")) {
    return { path: rel.includes("/") ? rel : `base/${rel}`, kind: "artifact" };
  }
  throw new SubmissionError(
    415,
    `${name}: not a run file. Upload a .zip / .tar.gz / .tar archive, or a folder's metadata.json and results.jsonl (run_manifest.json and .parquet are accepted too).`,
    { file: name },
  );
}

/** Where an uploaded file is stored. */
export function storedPath(dataDir: string, id: number, f: Pick<UploadFile, "path" | "kind">): string {
  const root = path.join(submissionDir(dataDir, id), f.kind === "archive" ? "archives" : "files");
  const full = path.resolve(root, f.path);
  if (!full.startsWith(root + path.sep)) throw new SubmissionError(400, `${f.path}: bad file name.`);
  return full;
}

/** Bytes of a stored file received so far (0 when none). */
export async function receivedBytes(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
}

/** A short label for lists: the archive's name, the top folder, or "N files". */
export function uploadLabel(files: UploadFile[]): string {
  if (files.length === 1) return files[0].path.replace(/^base\//, "");
  const tops = new Set(files.map((f) => f.path.split("/")[0]));
  if (tops.size === 1 && !files.some((f) => f.kind === "archive")) return `${[...tops][0]}/ (${files.length} files)`;
  return `${files.length} files`;
}

/** The upload's paths as ingestPaths takes them: each archive, and the loose files' folder. */
export async function ingestInputs(dataDir: string, id: number, files: UploadFile[]): Promise<string[]> {
  const inputs = files.filter((f) => f.kind === "archive").map((f) => storedPath(dataDir, id, f));
  if (files.some((f) => f.kind === "artifact")) inputs.push(path.join(submissionDir(dataDir, id), "files"));
  return inputs;
}

/** Report names relative to the upload: `runs.zip!/runs/evals/...`, `base/metadata.json`. */
export function relativeName(dataDir: string, id: number, file: string): string {
  const dir = submissionDir(dataDir, id);
  for (const sub of ["archives", "files"]) {
    const prefix = path.join(dir, sub) + path.sep;
    if (file.startsWith(prefix)) return file.slice(prefix.length);
    if (file === path.join(dir, sub)) return ".";
  }
  if (file.startsWith(dir + path.sep)) return file.slice(dir.length + 1);
  return path.basename(file);
}
