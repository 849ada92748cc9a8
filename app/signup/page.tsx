import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { SignUpForm } from "@/components/account/signup-form";
import { PageHeader } from "@/components/ui/page-header";
import { safeReturnPath } from "@/lib/auth/redirect";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const callbackUrl = safeReturnPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : undefined, "/profile");
  const open = getEnv().AUTH_SIGNUP;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader
        title="Create an account"
        description={
          <>
            To submit your own Medmarks runs. Submissions are checked by a moderator before they reach the boards. Have an account?{" "}
            <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>.
          </>
        }
      />
      {open ? (
        <SignUpForm callbackUrl={callbackUrl} />
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-sm" data-testid="signup-closed">
          Sign-up is closed on this server. Ask an administrator to create an account for you (<code>npm run user -- add &lt;name&gt;</code>).
        </p>
      )}
    </div>
  );
}
