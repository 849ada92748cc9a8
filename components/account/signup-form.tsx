"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { signUpAction, type FormState } from "@/lib/auth/actions";
import { Field, FormMessage } from "./field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const err = (field: string) => (state.field === field ? state.error : null);
  return (
    <form action={action} className="space-y-4" data-testid="signup-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        id="signup-name"
        name="name"
        label="Name"
        autoComplete="username"
        required
        autoFocus
        minLength={2}
        maxLength={32}
        hint="2–32 characters: letters, digits, '.', '_' or '-'. Shown on the runs you submit."
        error={err("name")}
      />
      <Field id="signup-email" name="email" type="email" label="E-mail (optional)" autoComplete="email" maxLength={320} error={err("email")} />
      <Field
        id="signup-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={256}
        hint="At least 8 characters."
        error={err("password")}
      />
      <Field id="signup-confirm" name="confirm" type="password" label="Password again" autoComplete="new-password" required maxLength={256} error={err("confirm")} />
      <FormMessage error={state.field ? undefined : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating the account…" : "Create account"}
      </Button>
    </form>
  );
}
