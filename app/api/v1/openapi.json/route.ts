/** `GET /api/v1/openapi.json` — the OpenAPI 3.1 document of the read API (lib/api/openapi.ts). */
import { createHash } from "node:crypto";
import { CORS, matchesIfNoneMatch } from "@/lib/api/http";
import { OPENAPI_DOCUMENT } from "@/lib/api/openapi";

const text = JSON.stringify(OPENAPI_DOCUMENT, null, 2);
const etag = `"openapi-${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"`;

export function GET(request: Request): Response {
  const headers = { "cache-control": "public, max-age=300", etag, ...CORS };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
