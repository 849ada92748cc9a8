/** Helpers for the submission tests: accounts, a context on a temp DATA_DIR, uploads from buffers. */
import fs from "node:fs";
import path from "node:path";
import type { Viewer } from "../auth/session";
import { createUser, type Role } from "../auth/users";
import type { RawClient } from "../db/raw";
import { tmpDir, writeGenARun, type FixtureRun } from "../ingest/test-fixtures";
import type { UploadLimits } from "./limits";
import { appendChunk, createSubmission, type SubmissionContext } from "./service";

export const TEST_LIMITS: UploadLimits = {
  maxBytes: 50 * 1024 * 1024,
  dailyCount: 100,
  dailyBytes: 500 * 1024 * 1024,
  maxExtractedBytes: 100 * 1024 * 1024,
  maxFiles: 1000,
};

let seq = 0;

export async function makeUser(raw: RawClient, role: Role = "user", name?: string): Promise<Viewer> {
  const u = await createUser(raw, { name: name ?? `u${Date.now().toString(36)}${seq++}`, password: "correct horse battery", role });
  return { id: u.id, name: u.name, role: u.role };
}

export function makeContext(raw: RawClient, limits: Partial<UploadLimits> = {}): SubmissionContext {
  return { raw, dataDir: tmpDir("mm-uploads-"), limits: { ...TEST_LIMITS, ...limits } };
}

export interface UploadSource {
  path: string;
  data: Buffer;
}

export async function* bytes(data: Buffer, chunk = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
}

/** Create a submission and send every file whole. */
export async function upload(ctx: SubmissionContext, viewer: Viewer, files: UploadSource[]): Promise<number> {
  const sub = await createSubmission(ctx, viewer, { files: files.map((f) => ({ path: f.path, size: f.data.length })) });
  for (const [i, f] of files.entries()) await appendChunk(ctx, viewer, sub.id, i, 0, bytes(f.data));
  return sub.id;
}

/** A Gen A run's two files as a folder upload (`<variant>/metadata.json`, `<variant>/results.jsonl`). */
export function genAFiles(run: FixtureRun): UploadSource[] {
  const root = tmpDir("mm-genA-");
  const dir = writeGenARun(root, run);
  const variant = path.basename(dir);
  return ["metadata.json", "results.jsonl"].map((f) => ({ path: `${variant}/${f}`, data: fs.readFileSync(path.join(dir, f)) }));
}

export const OPTIONS = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };

/** A small run of a catalog configuration (gemma-3-12b-it) on MedQA; `seed` varies its content. */
export function catalogRun(seed = 0, model = "google/gemma-3-12b-it"): FixtureRun {
  return {
    model,
    envId: "medqa",
    rows: Array.from({ length: 6 }, (_, i) => ({ id: i, reward: (i + seed) % 3 === 0 ? 0 : 1, options: OPTIONS, outputTokens: 50 + seed + i })),
  };
}
