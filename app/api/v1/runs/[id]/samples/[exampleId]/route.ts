/**
 * `GET /api/v1/runs/{id}/samples/{exampleId}?rollout=&snapshot=` — one rollout of one question:
 * its numbers, transcript (plain-text message views), options, judges' verdicts, the question's
 * other rollouts and the same question under the other answer orders (the same `getSample` as the
 * sample page). `exampleId` is percent-encoded in the path; `rollout` defaults to 0.
 */
import { sampleAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { canonicalParams, decodePathSegment, parseId } from "@/lib/api/params";
import { publicRun } from "@/lib/api/runs";
import { getSample } from "@/lib/queries/sample";

export const GET = apiGet({
  route: "/api/v1/runs/{id}/samples/{exampleId}",
  parse(reader, path) {
    const id = parseId(path.id ?? "");
    if (id === null) reader.issue("id", path.id ?? "", "The run id in the path is not a positive whole number");
    const exampleId = decodePathSegment(path.exampleId ?? "");
    if (exampleId === null) reader.issue("exampleId", path.exampleId ?? "", "The example id in the path is not valid (1 to 1000 characters, percent-encoded)");
    const rollout = reader.int("rollout", 0, 32767, 0);
    return { id: id ?? 0, exampleId: exampleId ?? "", rollout };
  },
  canonical: (p) => canonicalParams({ id: p.id, exampleId: p.exampleId, rollout: p.rollout }),
  notFound: (p, pinned) =>
    `No sample ${JSON.stringify(p.exampleId)} (rollout ${p.rollout}) in ${pinned ? `run ${p.id} of snapshot ${pinned}` : `published run ${p.id}`}.`,
  async load({ params, pinned }) {
    const access = await publicRun(params.id, pinned);
    if (!access) return null;
    const found = await getSample(params.id, params.exampleId, params.rollout);
    if (!found) return null;
    const sample = pinned ? await sampleAsOf(found, access.snapshot.id) : found;
    return {
      snapshot: access.snapshot,
      body: { snapshot: snapshotRef(access.snapshot), synthetic: sample.run.provenance === "demo", ...sample },
    };
  },
});
