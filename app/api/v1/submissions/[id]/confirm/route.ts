/**
 * POST /api/v1/submissions/<id>/confirm — submit: ingest the upload's valid runs as provenance
 * "community", status "pending" (owner and admins only see them) with the declared configuration.
 * Answers NDJSON: progress lines, then `{type:"result", result: {submission, report}}` (or `{type:"error"}`).
 */
import { ingestStepRoute } from "@/lib/submissions/http";
import { confirmSubmission } from "@/lib/submissions/service";

export const dynamic = "force-dynamic";

export const POST = ingestStepRoute(confirmSubmission);
