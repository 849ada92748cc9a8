/** A problem in the input, named by file, line and field so the user can fix it. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ""}${field ? ` field "${field}"` : ""}: ${problem}`);
    this.name = "IngestError";
  }
}
