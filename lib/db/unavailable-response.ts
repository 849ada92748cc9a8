/**
 * The 503 answer while the database is unavailable (server start retrying, PostgreSQL restarting):
 * JSON for the API, a small self-refreshing HTML page for everything else. Never a stack trace.
 */
import { availability, retryAfterSeconds, unavailableMessage, type Availability } from "./availability";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function wantsJson(pathname: string, accept: string | null): boolean {
  return pathname.startsWith("/api/") || (!!accept && accept.includes("application/json") && !accept.includes("text/html"));
}

export function unavailableResponse(pathname: string, accept: string | null, a: Availability = availability()): Response {
  const message = unavailableMessage(a);
  const retry = retryAfterSeconds(a);
  const headers = { "cache-control": "no-store", "retry-after": String(retry) };
  if (wantsJson(pathname, accept)) {
    return Response.json({ error: message, status: 503 }, { status: 503, headers: { ...headers, "access-control-allow-origin": "*" } });
  }
  const refresh = Math.min(10, Math.max(2, retry));
  const html = `<!doctype html>
<html lang="en" style="color-scheme: light dark"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${refresh}">
<title>Database unavailable · Medmarks Explorer</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<main role="alert"><h1 style="font-size: 1.5rem">Database unavailable, retrying</h1>
<p>${escapeHtml(message)}</p>
<p>This page reloads by itself every ${refresh} seconds. Nothing needs to be restarted.</p></main>
</body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
