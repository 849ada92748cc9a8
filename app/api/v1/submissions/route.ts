/**
 * GET  /api/v1/submissions — the signed-in user's submissions (admins: add ?all=1 for everyone's).
 * POST /api/v1/submissions — start an upload: `{files: [{path, size}]}` → the submission (status
 *      "uploading"); then PUT each file's bytes to /api/v1/submissions/<id>/files/<index>.
 */
import { getViewer } from "@/lib/auth/viewer";
import { requireViewer } from "@/lib/submissions/authz";
import { errorResponse, forbiddenCrossOrigin, submissionContext } from "@/lib/submissions/http";
import { listSubmissions } from "@/lib/queries/submissions";
import { createSubmission } from "@/lib/submissions/service";
import { SubmissionError } from "@/lib/submissions/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = requireViewer(await getViewer(request));
    const all = new URL(request.url).searchParams.get("all") === "1";
    if (all && viewer.role !== "admin") throw new SubmissionError(403, "Only administrators can list every submission.");
    const ctx = await submissionContext();
    return Response.json({ submissions: await listSubmissions(ctx.raw, all ? null : viewer.id) }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

export async function POST(request: Request): Promise<Response> {
  const csrf = forbiddenCrossOrigin(request);
  if (csrf) return csrf;
  try {
    const viewer = requireViewer(await getViewer(request));
    const body = await request.json().catch(() => {
      throw new SubmissionError(400, "The request body is not JSON.");
    });
    const ctx = await submissionContext();
    const sub = await createSubmission(ctx, viewer, body);
    return Response.json({ submission: { id: sub.id, status: sub.status, files: sub.files, label: sub.label } }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
