/**
 * Who is asking: the session cookie (an Auth.js JWT, encrypted with the auth secret) decoded and
 * checked against the `users` table on every request, so a role change or a disabled account
 * takes effect at once and a deleted account has no session. Works the same in route handlers
 * (given the Request), server components and server actions (reading next/headers).
 */
import { decode, encode } from "next-auth/jwt";
import type { RawTx } from "../db/raw";
import { getUserById, type Role } from "./users";

export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

export interface Viewer {
  id: string;
  name: string;
  role: Role;
}

export const isAdmin = (v: Viewer | null): boolean => v?.role === "admin";

/** Cookie header → name/value map (first occurrence wins, as browsers send the most specific first). */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/** The session token and the cookie name it came under (the name is the key-derivation salt). */
function sessionToken(cookies: Map<string, string>): { name: string; token: string } | null {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const whole = cookies.get(name);
    if (whole) return { name, token: whole };
    // Auth.js splits cookies over 4 kB into name.0, name.1, ...
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return { name, token: chunks.join("") };
  }
  return null;
}

export interface SessionClaims {
  /** Our users.id. */
  uid: string;
  exp?: number;
}

/** Decode the session cookie; null when absent, forged, encrypted with another secret, or expired. */
export async function readSessionClaims(cookieHeader: string | null | undefined, secret: string): Promise<SessionClaims | null> {
  const found = sessionToken(parseCookies(cookieHeader));
  if (!found || found.token.length > 16_384) return null;
  try {
    const payload = await decode({ token: found.token, secret, salt: found.name });
    const uid = payload?.uid ?? payload?.sub;
    return typeof uid === "string" && uid ? { uid, exp: typeof payload?.exp === "number" ? payload.exp : undefined } : null;
  } catch {
    return null;
  }
}

/** The viewer behind a cookie header, checked against the database (disabled or deleted → null). */
export async function viewerFromCookies(raw: RawTx, cookieHeader: string | null | undefined, secret: string): Promise<Viewer | null> {
  const claims = await readSessionClaims(cookieHeader, secret);
  if (!claims) return null;
  const user = await getUserById(raw, claims.uid);
  if (!user || user.disabledAt !== null) return null;
  return { id: user.id, name: user.name, role: user.role };
}

/** A session cookie value as Auth.js would issue it (tests, and nothing else, mint their own). */
export async function mintSessionToken(uid: string, secret: string, opts: { maxAge?: number; cookieName?: string } = {}): Promise<string> {
  return encode({ token: { sub: uid, uid }, secret, salt: opts.cookieName ?? SESSION_COOKIE, maxAge: opts.maxAge ?? 3600 });
}
