"use server";
/**
 * Account server actions: sign in, sign up, sign out, change password. Server actions are
 * protected against cross-site posts by Next.js itself (it compares Origin with Host).
 */
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDbHandle } from "../db";
import { getEnv } from "../env";
import { signIn, signOut } from "./index";
import { safeReturnPath } from "./redirect";
import { clearFailures, isThrottled, recordFailure } from "./throttle";
import { createUser, setPassword, UserError } from "./users";
import { verifyPassword } from "./password";
import { getViewer } from "./viewer";

export interface FormState {
  error?: string;
  /** The input the error is about. */
  field?: string;
  ok?: string;
}

const text = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

/** Let Next's redirect through; turn Auth.js errors into a message. */
async function credentialsSignIn(name: string, password: string, redirectTo: string): Promise<FormState> {
  if (isThrottled(name)) return { error: "Too many failed attempts for this account. Wait 15 minutes and try again." };
  try {
    await signIn("credentials", { name, password, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      recordFailure(name);
      return { error: "Wrong name or password." };
    }
    clearFailures(name);
    throw e; // NEXT_REDIRECT: signed in
  }
  return {};
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const name = text(form, "name").trim();
  const password = text(form, "password");
  if (!name || !password) return { error: "Enter your name and password." };
  return credentialsSignIn(name, password, safeReturnPath(text(form, "callbackUrl"), "/profile"));
}

export async function githubSignInAction(form: FormData): Promise<void> {
  if (!getEnv().github) redirect("/signin");
  await signIn("github", { redirectTo: safeReturnPath(text(form, "callbackUrl"), "/profile") });
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!getEnv().AUTH_SIGNUP) return { error: "Sign-up is closed on this server. Ask an administrator for an account." };
  const name = text(form, "name");
  const password = text(form, "password");
  if (password !== text(form, "confirm")) return { error: "The two passwords differ.", field: "confirm" };
  const { raw } = await getDbHandle();
  try {
    await createUser(raw, { name, email: text(form, "email") || null, password });
  } catch (e) {
    if (e instanceof UserError) return { error: e.message, field: e.field ?? undefined };
    throw e;
  }
  return credentialsSignIn(name, password, safeReturnPath(text(form, "callbackUrl"), "/profile"));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return { error: "Sign in first." };
  const { raw } = await getDbHandle();
  const rows = await raw.query<{ password_hash: string | null }>(`select password_hash from users where id = $1`, [viewer.id]);
  // A GitHub-only account sets its first password without a current one.
  const hash = rows[0]?.password_hash ?? null;
  if (hash !== null && !(await verifyPassword(text(form, "current"), hash))) {
    return { error: "The current password is wrong.", field: "current" };
  }
  const next = text(form, "password");
  if (next !== text(form, "confirm")) return { error: "The two new passwords differ.", field: "confirm" };
  try {
    await setPassword(raw, viewer.name, next, viewer.id);
  } catch (e) {
    if (e instanceof UserError) return { error: e.message, field: e.field ?? undefined };
    throw e;
  }
  return { ok: "Password changed." };
}
