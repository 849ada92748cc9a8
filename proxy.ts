// Runs before every page and API route (not static files): while the database is unavailable —
// the server start is being retried, or PostgreSQL stopped answering — answer 503 "database
// unavailable, retrying" at once (JSON under /api, a self-refreshing page elsewhere) instead of a
// 500, a hang or a stack trace. The state lives in lib/db/availability.ts (one per process).
import { availability } from "@/lib/db/availability";
import { unavailableResponse } from "@/lib/db/unavailable-response";

export function proxy(request: Request): Response | undefined {
  const a = availability();
  if (a.state !== "unavailable") return undefined;
  return unavailableResponse(new URL(request.url).pathname, request.headers.get("accept"));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|robots.txt).*)"],
};
