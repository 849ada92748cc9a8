/** Shapes of submissions as stored (jsonb columns) and shown. */
import type { JsonRun } from "../ingest/summary";

export type SubmissionStatus = "uploading" | "pending" | "approved" | "rejected" | "withdrawn";

/** One uploaded file: its path inside the upload (folder-relative, or the archive's name). */
export interface UploadFile {
  path: string;
  /** Declared size in bytes (what the browser said before sending). */
  size: number;
  kind: "archive" | "artifact";
}

/** What the submitter says about the configuration where the artifacts do not. */
export interface Declared {
  /** Configuration alias for every run of the upload (else matched from the catalog). */
  alias?: string;
  /** Display name of the model / configuration. */
  modelName?: string;
  /** Reasoning effort (low, medium, high, ...). */
  reasoningEffort?: string;
  /** Link to the model card (http/https). */
  modelCard?: string;
  /** Free-text note to the moderators. */
  note?: string;
}

export interface ReportProblem {
  /** File inside the upload (archive entries as `archive.zip!/path`). */
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export interface ReportRun extends Omit<JsonRun, "errors"> {
  /** Catalog entries the run would create (or created): model, configuration, benchmark, dataset. */
  newCatalogEntries: string[];
  warnings: string[];
  errors: ReportProblem[];
  /** Id of the run row (after the submission was confirmed). */
  runId: number | null;
}

export interface SubmissionReport {
  /** `validation` = dry run before confirming; `submitted` = the ingest at confirmation. */
  kind: "validation" | "submitted";
  at: string;
  runs: ReportRun[];
  /** Problems with the upload itself (wrong file type, missing bytes). */
  problems: ReportProblem[];
  /** Gen B jobs skipped (not completed). */
  skipped: { manifest: string; jobId: string; reason: string }[];
  /** Warnings about what was declared (e.g. an alias whose catalog model differs from the runs'). */
  notes: string[];
  totals: { runs: number; valid: number; already: number; rejected: number; rows: number };
}
