/**
 * The bulk download of a snapshot's per-question scores: CSV (one row per run × question) made in
 * batches — per run, keyset pages of questions, so memory stays flat at any size — and streamed
 * through zlib's gzip.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { RawClient } from "../db/raw";
import { getScoreBatch, SCORE_COLUMNS, type ScoreRun } from "../queries/snapshots";

/** Questions read per statement. */
export const SCORE_BATCH = 5000;

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const s = typeof value === "number" ? String(value) : value;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text in chunks: the header, then one chunk per batch of questions. */
export async function* scoreCsvChunks(runs: readonly ScoreRun[], raw?: RawClient, batch = SCORE_BATCH): AsyncGenerator<string> {
  yield `${SCORE_COLUMNS.join(",")}\n`;
  for (const run of runs) {
    const prefix = [run.config, run.benchmark, run.datasetKey, run.foldedKey].map(csvField).join(",");
    const suffix = `${run.id},${csvField(run.provenance)}`;
    let after: string | null = null;
    for (;;) {
      const rows = await getScoreBatch(run.id, after, batch, raw);
      if (!rows.length) break;
      let text = "";
      for (const r of rows) text += `${prefix},${csvField(r.exampleId)},${csvField(r.meanReward)},${r.nRollouts},${r.nScored},${suffix}\n`;
      yield text;
      if (rows.length < batch) break;
      after = rows[rows.length - 1].exampleId;
    }
  }
}

/** Gzip a stream of text chunks into a web ReadableStream; a failure mid-way is logged and aborts the body. */
export function gzipTextStream(chunks: AsyncIterable<string>, label: string): ReadableStream<Uint8Array> {
  const gzip = zlib.createGzip();
  const source = Readable.from(chunks, { objectMode: false });
  pipeline(source, gzip).catch((error: unknown) => {
    // The status line is already sent: the client sees a truncated gzip member (no trailer).
    if ((error as { code?: string })?.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`${label}: streaming failed`, error);
  });
  return Readable.toWeb(gzip) as unknown as ReadableStream<Uint8Array>;
}
