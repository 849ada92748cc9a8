"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { signInAction, type FormState } from "@/lib/auth/actions";
import { Field, FormMessage } from "./field";

export function SignInForm({ callbackUrl, signup, initialError }: { callbackUrl: string; signup: boolean; initialError?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, { error: initialError });
  return (
    <form action={action} className="space-y-4" data-testid="signin-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="signin-name" name="name" label="Name" autoComplete="username" required autoFocus maxLength={64} />
      <Field id="signin-password" name="password" type="password" label="Password" autoComplete="current-password" required maxLength={256} />
      <FormMessage error={state.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        {signup ? (
          <span className="text-sm text-muted-foreground">
            No account? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">Sign up</Link>
          </span>
        ) : null}
      </div>
    </form>
  );
}
