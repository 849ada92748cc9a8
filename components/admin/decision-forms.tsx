"use client";

import { useActionState } from "react";

import { FormMessage, INPUT } from "@/components/account/field";
import { Button } from "@/components/ui/button";
import { approveAction, rejectAction, type ActionState } from "@/lib/submissions/actions";

/** Approve (publish) or reject (with a reason) a pending submission. */
export function DecisionForms({ id }: { id: number }) {
  const [approved, approve, approving] = useActionState<ActionState, FormData>(approveAction, {});
  const [rejected, reject, rejecting] = useActionState<ActionState, FormData>(rejectAction, {});
  const busy = approving || rejecting;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={approve} className="space-y-2 rounded-lg border p-4" data-testid="approve-form">
        <input type="hidden" name="id" value={id} />
        <h3 className="font-semibold">Approve and publish</h3>
        <p className="text-sm text-muted-foreground">The runs join the boards as community runs; older runs of the same configuration and dataset are superseded, and a new snapshot is computed.</p>
        <label htmlFor="approve-note" className="text-sm font-medium">
          Note (optional)
        </label>
        <input id="approve-note" name="note" className={INPUT} maxLength={2000} />
        <Button type="submit" disabled={busy} data-testid="approve-button">
          {approving ? "Publishing…" : "Approve"}
        </Button>
        <FormMessage error={approved.error} ok={approved.ok} />
      </form>
      <form action={reject} className="space-y-2 rounded-lg border p-4" data-testid="reject-form">
        <input type="hidden" name="id" value={id} />
        <h3 className="font-semibold">Reject</h3>
        <p className="text-sm text-muted-foreground">The runs are deleted; the submitter sees the reason.</p>
        <label htmlFor="reject-reason" className="text-sm font-medium">
          Reason (required)
        </label>
        <textarea id="reject-reason" name="reason" required maxLength={2000} rows={3} className={`${INPUT} h-auto py-2`} />
        <Button type="submit" variant="destructive" disabled={busy} data-testid="reject-button">
          {rejecting ? "Rejecting…" : "Reject"}
        </Button>
        <FormMessage error={rejected.error} ok={rejected.ok} />
      </form>
    </div>
  );
}
