/**
 * `GET /api/v1/leaderboard?board=V|OE&weights=&cap=&coverage=&orders=&missing=&data=&snapshot=`
 *
 * The board as JSON (`LeaderboardView`, with `"synthetic": true` when the rows come from the demo
 * runs): the same parser and the same `getLeaderboard` as the page. Invalid parameters → 400 with
 * a message per parameter; parameters the API does not use (q, sort, ...) are ignored.
 * `snapshot=<id>` pins the board to that snapshot (404 when unknown; cached as immutable);
 * without it, the latest snapshot, cached for 60 s. The ETag is the snapshot id + the board and
 * settings, and a matching `If-None-Match` gets 304.
 */
import { SERVER_PARAMS, settingsKey, validateLeaderboardParams } from "@/components/leaderboard/params";
import { apiGet } from "@/lib/api/handler";
import { quotedEtag } from "@/lib/api/http";
import { getLeaderboard } from "@/lib/queries/leaderboard";

export const GET = apiGet({
  route: "/api/v1/leaderboard",
  parse(reader) {
    const { params, issues } = validateLeaderboardParams(reader.search);
    reader.issues.push(...issues.filter((i) => (SERVER_PARAMS as readonly string[]).includes(i.param)));
    return { board: params.board, settings: params.settings };
  },
  canonical: (p) => settingsKey(p.board, p.settings),
  async load({ params }) {
    const view = await getLeaderboard(params.board, params.settings);
    return { snapshot: view.snapshot, body: view };
  },
  // The historical form: "<snapshot>.<board>.<settings>" (the answer is the same pinned or not).
  etag: (loaded) => quotedEtag(`${loaded.snapshot.id}.${settingsKey(loaded.body.board, loaded.body.settings)}`),
});
