"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { changePasswordAction, type FormState } from "@/lib/auth/actions";
import { Field, FormMessage } from "./field";

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const err = (field: string) => (state.field === field ? state.error : null);
  return (
    <form action={action} className="max-w-sm space-y-4" data-testid="password-form">
      {hasPassword ? (
        <Field id="pw-current" name="current" type="password" label="Current password" autoComplete="current-password" required error={err("current")} />
      ) : null}
      <Field id="pw-new" name="password" type="password" label="New password" autoComplete="new-password" required minLength={8} maxLength={256} error={err("password")} />
      <Field id="pw-confirm" name="confirm" type="password" label="New password again" autoComplete="new-password" required maxLength={256} error={err("confirm")} />
      <FormMessage error={state.field ? undefined : state.error} ok={state.ok} />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : hasPassword ? "Change password" : "Set a password"}
      </Button>
    </form>
  );
}
