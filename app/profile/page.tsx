import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";

import { PasswordForm } from "@/components/account/password-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { signOutAction } from "@/lib/auth/actions";
import { getUserById } from "@/lib/auth/users";
import { getViewer } from "@/lib/auth/viewer";
import { getDbHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { listSubmissions } from "@/lib/queries/submissions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/profile");
  const { raw } = await getDbHandle();
  const [user, submissions] = await Promise.all([getUserById(raw, viewer.id), listSubmissions(raw, viewer.id)]);
  if (!user) redirect("/signin?callbackUrl=/profile");
  const pending = submissions.filter((s) => s.status === "pending").length;
  const days = Math.round(getEnv().AUTH_SESSION_MAX_AGE / 86400);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title={`Profile of ${user.name}`}
        description={`Your account on this server. Sessions last ${days >= 1 ? `${days} day${days === 1 ? "" : "s"}` : "less than a day"} from sign-in.`}
        actions={
          <form action={signOutAction}>
            <Button type="submit" variant="outline" data-testid="profile-signout">
              Sign out
            </Button>
          </form>
        }
      />
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="profile-facts">
        <dt className="text-muted-foreground">Name</dt>
        <dd>{user.name}</dd>
        <dt className="text-muted-foreground">Role</dt>
        <dd data-testid="profile-role">{user.role === "admin" ? "administrator" : "user"}</dd>
        <dt className="text-muted-foreground">E-mail</dt>
        <dd>{user.email ?? "—"}</dd>
        <dt className="text-muted-foreground">Sign-in</dt>
        <dd>{[user.hasPassword ? "password" : null, user.githubId ? "GitHub" : null].filter(Boolean).join(", ") || "—"}</dd>
        <dt className="text-muted-foreground">Member since</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
        <dt className="text-muted-foreground">Submissions</dt>
        <dd>
          <Link href="/submissions" className="underline underline-offset-4">
            {submissions.length} submission{submissions.length === 1 ? "" : "s"}
          </Link>
          {pending ? ` (${pending} pending)` : null} · <Link href="/submit" className="underline underline-offset-4">submit runs</Link>
          {user.role === "admin" ? (
            <>
              {" "}
              · <Link href="/admin" className="underline underline-offset-4">moderation queue</Link>
            </>
          ) : null}
        </dd>
      </dl>
      <section className="space-y-3" aria-labelledby="h-password">
        <h2 id="h-password" className="text-lg font-semibold">
          {user.hasPassword ? "Change password" : "Set a password"}
        </h2>
        <PasswordForm hasPassword={user.hasPassword} />
      </section>
    </div>
  );
}
