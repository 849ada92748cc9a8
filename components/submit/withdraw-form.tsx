"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/account/field";
import { Button } from "@/components/ui/button";
import { withdrawAction, type ActionState } from "@/lib/submissions/actions";

export function WithdrawForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(withdrawAction, {});
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={(e) => {
        if (!window.confirm("Withdraw this submission? Its files and runs are deleted.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" disabled={pending} data-testid="withdraw-button">
        {pending ? "Withdrawing…" : "Withdraw"}
      </Button>
      <FormMessage error={state.error} ok={state.ok} />
    </form>
  );
}
