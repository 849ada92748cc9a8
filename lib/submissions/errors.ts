/** An error with the HTTP status a route answers with and the message shown to the user. */
export class SubmissionError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "SubmissionError";
  }
}
