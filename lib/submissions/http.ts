/**
 * What the submission routes share: the same-origin (CSRF) check, error → status mapping, NDJSON
 * streaming, and the context (database, DATA_DIR, limits) from the environment.
 */
import { getDbHandle } from "../db";
import { getEnv } from "../env";
import { describeDbError, noteQueryError, retryAfterSeconds } from "../db/availability";
import { isStorageFull, STORAGE_FULL_MESSAGE, SubmissionError } from "./errors";
import { limitsFromEnv } from "./limits";
import type { IngestProgress } from "../ingest";
import { getViewer, type Viewer } from "../auth/viewer";
import { authorize } from "./authz";
import { loadSubmission, parseDeclared, parseSubmissionId, type SubmissionContext } from "./service";

export async function submissionContext(): Promise<SubmissionContext> {
  const env = getEnv();
  const { raw } = await getDbHandle();
  return { raw, dataDir: env.DATA_DIR, limits: limitsFromEnv(env) };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * CSRF defence for state-changing requests authenticated by the session cookie (the cookie is
 * SameSite=Lax too): a browser always sends `Origin` on cross-origin POST/PUT/DELETE and
 * `Sec-Fetch-Site` on every request. Accepted only when the request says it is same-origin:
 * Sec-Fetch-Site `same-origin`, or an Origin whose host is the Host (or X-Forwarded-Host, or
 * AUTH_URL's) of this request. A request with neither header is refused.
 */
export function sameOriginProblem(request: Request): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.get("origin");
  if (!origin) return site === "same-origin" ? null : "request without Origin refused";
  const from = hostOf(origin);
  const allowed = new Set<string>();
  for (const h of [request.headers.get("host"), request.headers.get("x-forwarded-host")?.split(",")[0]?.trim()]) {
    if (h) allowed.add(h.toLowerCase());
  }
  const authUrl = process.env.AUTH_URL ? hostOf(process.env.AUTH_URL) : null;
  if (authUrl) allowed.add(authUrl);
  try {
    allowed.add(new URL(request.url).host.toLowerCase());
  } catch {
    /* relative URL in tests */
  }
  if (!from || !allowed.has(from)) return `cross-origin request refused (Origin: ${origin})`;
  return null;
}

export function forbiddenCrossOrigin(request: Request): Response | null {
  const problem = sameOriginProblem(request);
  return problem ? Response.json({ error: problem }, { status: 403 }) : null;
}

/** A failure that is not the request's fault but the server's state: storage full, database down. */
export function serverStateError(e: unknown): SubmissionError | null {
  if (isStorageFull(e)) return new SubmissionError(507, STORAGE_FULL_MESSAGE);
  if (noteQueryError(e)) {
    return new SubmissionError(503, `The database is unavailable (${describeDbError(e)}); the server is retrying by itself. Try again in a few seconds.`, {
      retryAfter: retryAfterSeconds(),
    });
  }
  return null;
}

export function errorResponse(e: unknown): Response {
  const mapped = e instanceof SubmissionError ? e : serverStateError(e);
  if (mapped) {
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (mapped.status === 503) headers["retry-after"] = String(mapped.extra.retryAfter ?? 2);
    if (mapped !== e) console.error(`[medmarks] submission route: ${mapped.message}`);
    return Response.json({ error: mapped.message, ...mapped.extra }, { status: mapped.status, headers });
  }
  console.error("[medmarks] submission route failed", e);
  return Response.json({ error: "Internal error; see the server log." }, { status: 500 });
}

/**
 * An NDJSON response: `{type:"progress", ...}` lines while `run` works, then one
 * `{type:"result", ...}` or `{type:"error", status, error}` line. The work goes on if the browser
 * disconnects (its outcome is stored on the submission).
 */
export function ndjson(run: (send: (obj: unknown) => void) => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (obj: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(obj) + "\n"));
        } catch {
          open = false;
        }
      };
      try {
        send({ type: "result", result: await run(send) });
      } catch (e) {
        const mapped = e instanceof SubmissionError ? e : serverStateError(e);
        if (mapped) send({ type: "error", status: mapped.status, error: mapped.message, ...mapped.extra });
        else {
          console.error("[medmarks] submission processing failed", e);
          send({ type: "error", status: 500, error: "Internal error; see the server log." });
        }
      } finally {
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}

/** Throttle progress lines to one per `ms`. */
export function throttled<T>(send: (obj: unknown) => void, ms = 250): (p: T) => void {
  let last = 0;
  return (p: T) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    send({ type: "progress", progress: p });
  };
}

type IngestStep = (
  ctx: SubmissionContext,
  viewer: Viewer | null,
  id: number,
  opts: { declared?: unknown; onProgress?: (p: IngestProgress) => void },
) => Promise<unknown>;

/**
 * POST handler shared by `validate` and `confirm`: same-origin check, the viewer, the submission
 * (401/403/404/409 answered before streaming starts), the declared configuration from the JSON
 * body, then `step` streamed as NDJSON progress lines and its result.
 */
export function ingestStepRoute(step: IngestStep) {
  return async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
    const csrf = forbiddenCrossOrigin(request);
    if (csrf) return csrf;
    try {
      const viewer = await getViewer(request);
      const id = parseSubmissionId((await ctx.params).id);
      if (id === null) throw new SubmissionError(404, "No such submission.");
      const sc = await submissionContext();
      authorize(viewer, await loadSubmission(sc.raw, id), "upload");
      const text = await request.text();
      const declared = parseDeclared(text ? JSON.parse(text) : {});
      return ndjson((send) => step(sc, viewer, id, { declared, onProgress: throttled(send) }));
    } catch (e) {
      if (e instanceof SyntaxError) return Response.json({ error: "The request body is not JSON." }, { status: 400 });
      return errorResponse(e);
    }
  };
}
