import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { SignInForm } from "@/components/account/signin-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { githubSignInAction } from "@/lib/auth/actions";
import { safeReturnPath } from "@/lib/auth/redirect";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong name or password.",
  AccessDenied: "This account cannot sign in (disabled?).",
  OAuthAccountNotLinked: "This GitHub account is not linked to an account here.",
};

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const callbackUrl = safeReturnPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : undefined, "/profile");
  const errorKey = typeof sp.error === "string" ? sp.error : undefined;
  const env = getEnv();
  const viewer = await getViewer();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader
        title="Sign in"
        description="An account lets you submit runs to the leaderboard. Reading the leaderboard needs none."
      />
      {viewer ? (
        <p className="text-sm" data-testid="already-signed-in">
          You are signed in as <strong>{viewer.name}</strong>. Go to your <Link href="/profile" className="underline underline-offset-4">profile</Link>.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} signup={env.AUTH_SIGNUP} initialError={errorKey ? (ERRORS[errorKey] ?? "Sign-in failed.") : undefined} />
      {env.github ? (
        <form action={githubSignInAction} className="border-t pt-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="outline">
            Sign in with GitHub
          </Button>
        </form>
      ) : null}
    </div>
  );
}
