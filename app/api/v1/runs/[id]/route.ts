/**
 * `GET /api/v1/runs/{id}?snapshot=` — one run's provenance (artifact hash, format, harness
 * version, ingest time) and summary numbers, the same `getRun` as the run page, with `inSnapshot`.
 * Pinned, only runs of the snapshot are found and their status is as of it ("published").
 */
import { runAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { parseId } from "@/lib/api/params";
import { publicRun, runNotFound } from "@/lib/api/runs";
import { getRun } from "@/lib/queries/run";

export const GET = apiGet({
  route: "/api/v1/runs/{id}",
  parse(reader, path) {
    const id = parseId(path.id ?? "");
    if (id === null) reader.issue("id", path.id ?? "", "The run id in the path is not a positive whole number");
    return { id: id ?? 0 };
  },
  canonical: (p) => `id=${p.id}`,
  notFound: (p, pinned) => runNotFound(p.id, pinned),
  async load({ params, pinned }) {
    const access = await publicRun(params.id, pinned);
    const found = access ? await getRun(params.id) : null;
    if (!access || !found) return null;
    const run = pinned ? runAsOf(found) : found;
    return {
      snapshot: access.snapshot,
      body: { snapshot: snapshotRef(access.snapshot), synthetic: run.provenance === "demo", inSnapshot: access.inSnapshot, ...run },
    };
  },
});
