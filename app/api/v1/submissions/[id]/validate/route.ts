/**
 * POST /api/v1/submissions/<id>/validate — check the uploaded files with the ingest library in
 * dry-run mode (nothing is written) with the declared configuration (JSON body, optional).
 * Answers NDJSON: progress lines, then `{type:"result", result: report}` (or `{type:"error"}`).
 */
import { ingestStepRoute } from "@/lib/submissions/http";
import { validateSubmission } from "@/lib/submissions/service";

export const dynamic = "force-dynamic";

export const POST = ingestStepRoute(validateSubmission);
