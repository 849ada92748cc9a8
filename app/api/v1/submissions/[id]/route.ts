/**
 * GET    /api/v1/submissions/<id> — the submission (owner or admin): status, files with bytes
 *        received (to resume an upload), report, moderator's reason.
 * DELETE /api/v1/submissions/<id> — withdraw it (owner, while uploading or pending).
 */
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse, forbiddenCrossOrigin, submissionContext } from "@/lib/submissions/http";
import { SubmissionError } from "@/lib/submissions/errors";
import { getSubmissionFor, parseSubmissionId, uploadProgress, withdrawSubmission } from "@/lib/submissions/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

async function idOf(ctx: Ctx): Promise<number> {
  const id = parseSubmissionId((await ctx.params).id);
  if (id === null) throw new SubmissionError(404, "No such submission.");
  return id;
}

export async function GET(request: Request, ctx: Ctx): Promise<Response> {
  try {
    const viewer = await getViewer(request);
    const id = await idOf(ctx);
    const sc = await submissionContext();
    const sub = await getSubmissionFor(sc, viewer, id);
    const files = sub.status === "uploading" ? await uploadProgress(sc, sub) : sub.files.map((f) => ({ path: f.path, size: f.size, received: f.size }));
    return Response.json(
      {
        submission: {
          id: sub.id, status: sub.status, label: sub.label, user: sub.userName, createdAt: sub.createdAt, decidedAt: sub.decidedAt,
          reason: sub.reason, declared: sub.declared, report: sub.report, files,
        },
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}

export async function DELETE(request: Request, ctx: Ctx): Promise<Response> {
  const csrf = forbiddenCrossOrigin(request);
  if (csrf) return csrf;
  try {
    const viewer = await getViewer(request);
    const id = await idOf(ctx);
    const sub = await withdrawSubmission(await submissionContext(), viewer, id);
    return Response.json({ submission: { id: sub.id, status: sub.status } });
  } catch (e) {
    return errorResponse(e);
  }
}
