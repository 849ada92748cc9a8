/** An error with the HTTP status a route answers with and the message shown to the user. */
export class SubmissionError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503 | 507,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "SubmissionError";
  }
}

/** The server's disk (or quota) is full: ENOSPC / EDQUOT anywhere while storing an upload. */
export function isStorageFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === "ENOSPC" || code === "EDQUOT";
}

export const STORAGE_FULL_MESSAGE =
  "Storage full: the server has no space left to store uploads. Nothing of this request was kept; try again later (the upload resumes where it stopped).";
