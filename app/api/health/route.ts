/**
 * GET /api/health — is the database answering? 200 `{status: "ok"}`, or 503 with the reason while
 * the server start is being retried or the database is unreachable (the proxy answers that one
 * before this route runs). Used by the error page to reload itself once the database is back, and
 * by monitoring. Never cached.
 */
import { getDbHandle } from "@/lib/db";
import { noteQueryError } from "@/lib/db/availability";
import { unavailableResponse } from "@/lib/db/unavailable-response";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const { raw } = await getDbHandle();
    await raw.query(`select 1`);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    noteQueryError(e);
    return unavailableResponse("/api/health", "application/json");
  }
}
