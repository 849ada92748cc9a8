/**
 * `GET /api/v1/snapshots/{id}/scores.csv.gz` — the bulk download: every per-question score of the
 * snapshot, one CSV row per run × question (columns: config, benchmark, dataset_key, folded_key,
 * example_id, mean_reward, n_rollouts, n_scored, run_id, provenance), gzip-compressed and streamed
 * (`application/gzip`, `medmarks-scores-<id>.csv.gz`). Read in batches (per run, keyset pages of
 * questions). Immutable: cached for a year, ETag = the snapshot id; If-None-Match → 304.
 */
import { failureResponse, readRequest, type RouteContext } from "@/lib/api/handler";
import { badRequest, CORS, errorResponse, matchesIfNoneMatch, PINNED_CACHE_CONTROL, quotedEtag } from "@/lib/api/http";
import { gzipTextStream, scoreCsvChunks } from "@/lib/api/scores-csv";
import { readSnapshotPath } from "@/lib/api/snapshot-path";
import { getDbHandle } from "@/lib/db";
import { getScoreRuns, getSnapshotDetail } from "@/lib/queries/snapshots";

const ROUTE = "/api/v1/snapshots/{id}/scores.csv.gz";

export async function GET(request: Request, ctx?: RouteContext): Promise<Response> {
  try {
    const { req, reader } = await readRequest({ parse: readSnapshotPath }, request, ctx);
    if (reader.issues.length) return badRequest(reader.issues);
    const { id } = req.params;

    const detail = await getSnapshotDetail(id);
    if (!detail) return errorResponse(404, `Snapshot ${id} does not exist (see /api/v1/snapshots for the snapshot ids).`);
    const etag = quotedEtag(`${id}-scores-csv-v1`);
    const headers = { "cache-control": PINNED_CACHE_CONTROL, etag, ...CORS };
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

    // The run list is read before answering, so a database failure is a 500, not a broken download.
    const { raw } = await getDbHandle();
    const runs = await getScoreRuns(id, raw);
    const body = gzipTextStream(scoreCsvChunks(runs, raw), `GET ${ROUTE} (${id})`);
    return new Response(body, {
      headers: {
        ...headers,
        "content-type": "application/gzip",
        "content-disposition": `attachment; filename="medmarks-scores-${id}.csv.gz"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return failureResponse(ROUTE, error);
  }
}
