import { Badge } from "@/components/ui/badge";
import type { SubmissionStatus } from "@/lib/submissions/types";

const LABEL: Record<SubmissionStatus, string> = {
  uploading: "not submitted yet",
  pending: "pending review",
  approved: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const variant = status === "approved" ? "default" : status === "rejected" ? "destructive" : status === "pending" ? "warning" : "outline";
  return (
    <Badge variant={variant} data-testid="submission-status" data-status={status}>
      {LABEL[status]}
    </Badge>
  );
}
