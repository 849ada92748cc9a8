/**
 * `GET /api/v1/leaderboard?board=V|OE&weights=&cap=&coverage=&orders=&missing=&data=`
 *
 * The board as JSON (`LeaderboardView`, with `"synthetic": true` when the rows come from the demo
 * runs): the same parser and the same `getLeaderboard` as the page. Invalid parameters → 400 with
 * a message per parameter; parameters the API does not use (q, sort, ...) are ignored.
 * Cached for 60 s; the ETag is the snapshot id + the board and settings, and a matching
 * `If-None-Match` gets 304.
 */
import { SERVER_PARAMS, settingsKey, validateLeaderboardParams } from "@/components/leaderboard/params";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import type { LeaderboardView } from "@/lib/queries/leaderboard-types";

const CACHE_CONTROL = "public, max-age=60";

function etagOf(snapshotId: string, key: string): string {
  // Entity tags are quoted visible ASCII without '"'.
  return `"${`${snapshotId}.${key}`.replace(/[^\x21\x23-\x7e]/g, "_")}"`;
}

/** RFC 9110 weak comparison against an If-None-Match list (or "*"). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => strip(t) === strip(etag));
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { params, issues } = validateLeaderboardParams(url.searchParams);
  const relevant = issues.filter((i) => (SERVER_PARAMS as readonly string[]).includes(i.param));
  if (relevant.length > 0) {
    return Response.json(
      { error: relevant.map((i) => i.message).join("; "), issues: relevant },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }

  let view: LeaderboardView;
  try {
    view = await getLeaderboard(params.board, params.settings);
  } catch (error) {
    // Never an empty 200: the client must know the numbers could not be computed.
    console.error("GET /api/v1/leaderboard failed", error);
    return Response.json(
      { error: "Computing the leaderboard failed; see the server log." },
      { status: 500, headers: { "cache-control": "no-store" } },
    );
  }

  const etag = etagOf(view.snapshot.id, settingsKey(view.board, view.settings));
  const headers = { "cache-control": CACHE_CONTROL, etag };
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json(view, { headers });
}
