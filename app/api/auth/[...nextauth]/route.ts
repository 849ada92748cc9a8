// Auth.js endpoints: sign-in / sign-out / session / CSRF token, and the GitHub OAuth callback.
import { handlers } from "@/lib/auth";

export const dynamic = "force-dynamic";
export const { GET, POST } = handlers;
