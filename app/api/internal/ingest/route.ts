/**
 * Local ingest hand-off: `npm run ingest` posts here when this server holds the embedded database
 * (one writer on PGlite). Authorised only by the token this process wrote to DATA_DIR/server.json.
 * Answers NDJSON: progress lines, then one line with the report.
 */
import { z } from "zod";
import { getDbHandle } from "@/lib/db";
import { refreshBoards } from "@/lib/boards/refresh";
import { warmViews } from "@/lib/boards/warm";
import { ingestPaths } from "@/lib/ingest";
import { isServerToken } from "@/lib/setup/server-info";

export const dynamic = "force-dynamic";

const body = z.object({
  paths: z.array(z.string().min(1)).min(1),
  alias: z.string().min(1).optional(),
  format: z.enum(["A", "A1", "B", "C", "parquet"]).optional(),
  dryRun: z.boolean().optional(),
  demo: z.boolean().optional(),
  groupRows: z.number().int().min(1).optional(),
});

export async function POST(request: Request): Promise<Response> {
  if (!isServerToken(request.headers.get("authorization"))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "bad request" }, { status: 400 });
  const args = parsed.data;
  const handle = await getDbHandle();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (obj: unknown) => controller.enqueue(encoder.encode(JSON.stringify(obj) + "\n"));
      let last = 0;
      try {
        const report = await ingestPaths(handle.raw, args.paths, {
          provenance: args.demo ? "demo" : "official",
          alias: args.alias,
          format: args.format,
          dryRun: args.dryRun,
          groupRows: args.groupRows,
          onProgress: (p) => {
            const now = Date.now();
            if (now - last < 250 && p.current !== null) return;
            last = now;
            send({ type: "progress", progress: p });
          },
        });
        if (!args.dryRun && report.runs.some((r) => r.outcome === "inserted")) {
          await refreshBoards(handle.raw);
          void warmViews(handle.raw, (m) => console.log(`[medmarks] ${m}`));
        }
        send({ type: "report", report });
      } catch (e) {
        send({ type: "error", message: e instanceof Error ? e.message : String(e) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
