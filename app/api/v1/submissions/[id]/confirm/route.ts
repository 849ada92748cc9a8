/**
 * POST /api/v1/submissions/<id>/confirm — submit: ingest the upload's valid runs as provenance
 * "community", status "pending" (owner and admins only see them) with the declared configuration.
 * Answers NDJSON: progress lines, then `{type:"result", result: {submission, report}}` (or `{type:"error"}`).
 */
import { getViewer } from "@/lib/auth/viewer";
import { authorize } from "@/lib/submissions/authz";
import { errorResponse, forbiddenCrossOrigin, ndjson, submissionContext, throttled } from "@/lib/submissions/http";
import { SubmissionError } from "@/lib/submissions/errors";
import { loadSubmission, parseDeclared, parseSubmissionId, confirmSubmission } from "@/lib/submissions/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function POST(request: Request, ctx: Ctx): Promise<Response> {
  const csrf = forbiddenCrossOrigin(request);
  if (csrf) return csrf;
  try {
    const viewer = await getViewer(request);
    const id = parseSubmissionId((await ctx.params).id);
    if (id === null) throw new SubmissionError(404, "No such submission.");
    const sc = await submissionContext();
    authorize(viewer, await loadSubmission(sc.raw, id), "upload"); // answer 401/403/404/409 before streaming
    const text = await request.text();
    const declared = parseDeclared(text ? JSON.parse(text) : {});
    return ndjson((send) => confirmSubmission(sc, viewer, id, { declared, onProgress: throttled(send) }));
  } catch (e) {
    if (e instanceof SyntaxError) return Response.json({ error: "The request body is not JSON." }, { status: 400 });
    return errorResponse(e);
  }
}
