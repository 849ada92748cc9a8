/**
 * PUT /api/v1/submissions/<id>/files/<index>?offset=<n> — append bytes (the request body) to one
 * file of an upload, from `offset`, which must be what the server holds (409 answers with
 * `received` to resume from). Streamed to DATA_DIR/uploads/<id>/; never past the declared size.
 */
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse, forbiddenCrossOrigin, submissionContext } from "@/lib/submissions/http";
import { SubmissionError } from "@/lib/submissions/errors";
import { appendChunk, parseSubmissionId } from "@/lib/submissions/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; index: string }> };

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value?.length) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function PUT(request: Request, ctx: Ctx): Promise<Response> {
  const csrf = forbiddenCrossOrigin(request);
  if (csrf) return csrf;
  try {
    const viewer = await getViewer(request);
    const p = await ctx.params;
    const id = parseSubmissionId(p.id);
    if (id === null) throw new SubmissionError(404, "No such submission.");
    if (!/^\d{1,6}$/.test(p.index)) throw new SubmissionError(404, "No such file.");
    const offsetText = new URL(request.url).searchParams.get("offset") ?? "0";
    if (!/^\d{1,16}$/.test(offsetText)) throw new SubmissionError(400, "Bad offset.");
    const result = await appendChunk(await submissionContext(), viewer, id, Number(p.index), Number(offsetText), chunks(request.body));
    return Response.json(result);
  } catch (e) {
    return errorResponse(e);
  }
}
