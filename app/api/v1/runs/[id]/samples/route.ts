/**
 * `GET /api/v1/runs/{id}/samples?sort=&dir=&outcome=&min=&max=&mismatch=&truncated=&error=&reasoning=&q=&size=&after=|before=&snapshot=`
 *
 * One keyset page of a run's rollouts (the run page's sample browser, the same `listSamples`):
 * rows, how many match and how many the run has, and the cursors of the next and previous pages
 * (`nextCursor` → `after=`, `prevCursor` → `before=`; `links` has the URLs). Following `next`
 * from the first page lists every matching row once, in order.
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { parseId } from "@/lib/api/params";
import { publicRun, runNotFound } from "@/lib/api/runs";
import { canonicalSampleParams, readSampleParams } from "@/lib/api/sample-params";
import { listSamples } from "@/lib/queries/samples";
import { sampleParamsToSearch, type SampleParams } from "@/lib/samples/params";

function pageUrl(url: URL, runId: number, params: SampleParams, pinned: string | null): string {
  const search = sampleParamsToSearch(params);
  if (pinned) search.set("snapshot", pinned);
  const qs = search.toString();
  return `${url.origin}/api/v1/runs/${runId}/samples${qs ? `?${qs}` : ""}`;
}

export const GET = apiGet({
  route: "/api/v1/runs/{id}/samples",
  parse(reader, path) {
    const id = parseId(path.id ?? "");
    if (id === null) reader.issue("id", path.id ?? "", "The run id in the path is not a positive whole number");
    return { id: id ?? 0, sample: readSampleParams(reader) };
  },
  canonical: (p) => `id=${p.id}&${canonicalSampleParams(p.sample)}`,
  notFound: (p, pinned) => runNotFound(p.id, pinned),
  async load({ params, pinned, url }) {
    const access = await publicRun(params.id, pinned);
    if (!access) return null;
    const page = await listSamples(params.id, params.sample);
    const at = (p: Partial<SampleParams>) => pageUrl(url, params.id, { ...page.params, after: null, before: null, ...p }, pinned);
    return {
      snapshot: access.snapshot,
      body: {
        snapshot: snapshotRef(access.snapshot),
        synthetic: access.provenance === "demo",
        ...page,
        links: {
          first: at({}),
          next: page.nextCursor ? at({ after: page.nextCursor }) : null,
          prev: page.prevCursor ? at({ before: page.prevCursor }) : null,
        },
      },
    };
  },
});
