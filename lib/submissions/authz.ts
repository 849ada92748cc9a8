/**
 * Who may do what with a submission. One place, used by every route, action and page:
 * - anonymous: nothing (401);
 * - the owner: see it, upload and validate while uploading, confirm, withdraw while uploading or pending;
 * - another user: nothing, and it is not revealed that the submission exists (404);
 * - an admin: see every submission, approve or reject pending ones (but not upload into someone else's).
 */
import type { Viewer } from "../auth/session";
import { SubmissionError } from "./errors";
import type { SubmissionStatus } from "./types";

export interface SubmissionRef {
  id: number;
  userId: string;
  status: SubmissionStatus;
}

export type Ability = "view" | "upload" | "withdraw" | "moderate";

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new SubmissionError(401, "Sign in first.");
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (v.role !== "admin") throw new SubmissionError(403, "Only administrators can do this.");
  return v;
}

/** Throws the status the caller answers with when `viewer` may not `ability` the submission. */
export function authorize(viewer: Viewer | null, sub: SubmissionRef | null, ability: Ability): Viewer {
  const v = requireViewer(viewer);
  const owner = sub !== null && sub.userId === v.id;
  const admin = v.role === "admin";
  if (!sub || (!owner && !admin)) throw new SubmissionError(404, "No such submission.");
  switch (ability) {
    case "view":
      return v;
    case "upload":
      if (!owner) throw new SubmissionError(403, "Only the submitter can change this upload.");
      if (sub.status !== "uploading") throw new SubmissionError(409, `This submission is ${sub.status}; its files can no longer change.`);
      return v;
    case "withdraw":
      if (!owner) throw new SubmissionError(403, "Only the submitter can withdraw a submission.");
      if (sub.status !== "uploading" && sub.status !== "pending") throw new SubmissionError(409, `This submission is ${sub.status}; it can no longer be withdrawn.`);
      return v;
    case "moderate":
      if (!admin) throw new SubmissionError(403, "Only administrators can approve or reject submissions.");
      if (sub.status !== "pending") throw new SubmissionError(409, `This submission is ${sub.status}, not pending.`);
      return v;
  }
}
