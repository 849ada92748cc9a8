"use server";
/**
 * Submission server actions (forms on /submissions and /admin): withdraw, approve, reject. Each
 * authorizes through the service; Next.js rejects cross-site posts to server actions itself.
 */
import { revalidatePath } from "next/cache";
import { warmViews } from "../boards/warm";
import { getViewer } from "../auth/viewer";
import { SubmissionError } from "./errors";
import { submissionContext } from "./http";
import { approveSubmission, parseSubmissionId, rejectSubmission, withdrawSubmission } from "./service";

export interface ActionState {
  error?: string;
  ok?: string;
  /** HTTP-like status of a refusal (401, 403, 404, 409), for tests and messages. */
  status?: number;
}

function idFrom(form: FormData): number {
  const id = parseSubmissionId(form.get("id"));
  if (id === null) throw new SubmissionError(404, "No such submission.");
  return id;
}

async function run(fn: () => Promise<string>): Promise<ActionState> {
  try {
    const ok = await fn();
    revalidatePath("/", "layout"); // every page (the boards too, after an approval) renders again
    return { ok };
  } catch (e) {
    if (e instanceof SubmissionError) return { error: e.message, status: e.status };
    throw e;
  }
}

export async function withdrawAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const id = idFrom(form);
    await withdrawSubmission(await submissionContext(), await getViewer(), id);
    return `Submission ${id} withdrawn.`;
  });
}

export async function approveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const id = idFrom(form);
    const ctx = await submissionContext();
    const r = await approveSubmission(ctx, await getViewer(), id, form.get("note"));
    void warmViews(ctx.raw, (m) => console.log(`[medmarks] ${m}`)); // in the background
    return `Submission ${id} approved: ${r.published.length} run(s) published${r.superseded.length ? `, ${r.superseded.length} older run(s) superseded` : ""}.`;
  });
}

export async function rejectAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const id = idFrom(form);
    await rejectSubmission(await submissionContext(), await getViewer(), id, form.get("reason"));
    return `Submission ${id} rejected.`;
  });
}
