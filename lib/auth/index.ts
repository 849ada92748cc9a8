/**
 * Auth.js (next-auth v5) for the app: local accounts through the Credentials provider (our own
 * `users` table, scrypt hashes), GitHub OAuth when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET are set,
 * JWT sessions (no adapter tables) that last AUTH_SESSION_MAX_AGE seconds from sign-in.
 *
 * The configuration is lazy (a function), so `next build` never reads the secret; the secret is
 * AUTH_SECRET or the one generated into DATA_DIR/auth-secret. The session cookie carries only our
 * user id (`uid`): role and name are read from the database on each request (lib/auth/viewer.ts).
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { getDbHandle } from "../db";
import { getEnv } from "../env";
import { getAuthSecret } from "./secret";
import { upsertGithubUser, verifyCredentials } from "./users";

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

export function authConfig(): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      name: "Account",
      credentials: { name: { label: "Name" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const { raw } = await getDbHandle();
        const user = await verifyCredentials(raw, credentials?.name, credentials?.password);
        if (!user) throw new InvalidLogin();
        return { id: user.id, name: user.name };
      },
    }),
  ];
  if (env.github) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  return {
    secret: getAuthSecret(),
    // Self-hosted: the host header is trusted (set AUTH_URL behind a proxy with a public domain).
    trustHost: true,
    session: { strategy: "jwt", maxAge: env.AUTH_SESSION_MAX_AGE },
    jwt: { maxAge: env.AUTH_SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "github") return true;
        const id = profile?.id ?? account.providerAccountId;
        const login = typeof profile?.login === "string" ? profile.login : String(profile?.name ?? "github");
        if (id === undefined || id === null) return false;
        const { raw } = await getDbHandle();
        const user = await upsertGithubUser(raw, { id: String(id), login });
        return user !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "github") {
          const { raw } = await getDbHandle();
          const id = String(profile?.id ?? account.providerAccountId);
          const rows = await raw.query<{ id: string; name: string }>(`select id, name from users where github_id = $1`, [id]);
          if (rows[0]) return { uid: rows[0].id, sub: rows[0].id, name: rows[0].name };
          return null;
        }
        if (user?.id) return { uid: user.id, sub: user.id, name: user.name };
        return token;
      },
      async session({ session, token }) {
        if (typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, signIn, signOut, auth } = NextAuth(() => authConfig());
