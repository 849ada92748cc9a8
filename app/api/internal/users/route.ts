/**
 * Local account hand-off: `npm run user` posts here when this server holds the embedded database
 * (one writer on PGlite). Authorised only by the token this process wrote to DATA_DIR/server.json
 * (mode 600, readable only by whoever runs the server).
 */
import { userCommandSchema, runUserCommand } from "@/lib/auth/commands";
import { getDbHandle } from "@/lib/db";
import { isServerToken } from "@/lib/setup/server-info";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isServerToken(request.headers.get("authorization"))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const parsed = userCommandSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "bad request" }, { status: 400 });
  const { raw } = await getDbHandle();
  return Response.json(await runUserCommand(raw, parsed.data), { headers: { "cache-control": "no-store" } });
}
