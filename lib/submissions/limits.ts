/** Upload limits (env, see .env.example) and the per-user daily quota check. */
import type { Env } from "../env";
import type { RawTx } from "../db/raw";
import { SubmissionError } from "./errors";

export interface UploadLimits {
  /** Bytes of one upload (all its files). */
  maxBytes: number;
  /** Uploads started per user per rolling 24 hours. */
  dailyCount: number;
  /** Bytes uploaded per user per rolling 24 hours. */
  dailyBytes: number;
  /** Extracted bytes of an upload's archives. */
  maxExtractedBytes: number;
  /** Files of an upload, and entries of each archive. */
  maxFiles: number;
}

export function limitsFromEnv(env: Env): UploadLimits {
  return {
    maxBytes: env.UPLOAD_MAX_BYTES,
    dailyCount: env.UPLOAD_DAILY_COUNT,
    dailyBytes: env.UPLOAD_DAILY_BYTES,
    maxExtractedBytes: env.UPLOAD_MAX_EXTRACTED_BYTES,
    maxFiles: env.UPLOAD_MAX_FILES,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Throws 429 when starting an upload of `bytes` would exceed the user's rolling 24-hour quota. */
export async function checkDailyQuota(tx: RawTx, userId: string, bytes: number, limits: UploadLimits): Promise<void> {
  const [used] = await tx.query<{ n: number; bytes: number }>(
    `select count(*)::int as n, coalesce(sum(bytes), 0)::float8 as bytes
     from submissions where user_id = $1 and created_at > now() - interval '24 hours'`,
    [userId],
  );
  if (Number(used.n) >= limits.dailyCount) {
    throw new SubmissionError(429, `Daily limit reached: ${limits.dailyCount} uploads per 24 hours. Try again later.`);
  }
  if (Number(used.bytes) + bytes > limits.dailyBytes) {
    throw new SubmissionError(
      429,
      `Daily limit reached: ${formatBytes(limits.dailyBytes)} per 24 hours (${formatBytes(Number(used.bytes))} used, this upload is ${formatBytes(bytes)}).`,
    );
  }
}
