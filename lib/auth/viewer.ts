/**
 * The signed-in viewer for Next code: route handlers pass their Request, server components and
 * server actions read the request headers. Null when signed out (or the account is disabled).
 */
import { headers } from "next/headers";
import { getDbHandle } from "../db";
import { getAuthSecret } from "./secret";
import { viewerFromCookies, type Viewer } from "./session";

export type { Viewer } from "./session";

export async function getViewer(request?: Request): Promise<Viewer | null> {
  const cookie = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  if (!cookie) return null;
  const { raw } = await getDbHandle();
  return viewerFromCookies(raw, cookie, getAuthSecret());
}
