/**
 * `GET /api/v1/configurations/{slug}?snapshot=` — one configuration: identity, rank and scores on
 * both default boards, tokens and latency, sampling arguments, siblings, suite coverage and runs
 * (the same `getConfigView` as the page). Pinned, only the snapshot's runs are listed. 404 for an
 * unknown configuration.
 */
import { configAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { canonicalParams, decodePathSegment, isSlug } from "@/lib/api/params";
import { getConfigView } from "@/lib/queries/config";

export const GET = apiGet({
  route: "/api/v1/configurations/{slug}",
  parse(reader, path) {
    const slug = decodePathSegment(path.slug ?? "");
    if (slug === null || !isSlug(slug)) reader.issue("slug", path.slug ?? "", "The configuration slug in the path is not valid");
    return { slug: slug ?? "" };
  },
  canonical: (p) => canonicalParams({ slug: p.slug }),
  notFound: (p) => `No configuration ${JSON.stringify(p.slug)} (see /api/v1/configurations).`,
  async load({ params, pinned }) {
    let view = await getConfigView(params.slug);
    if (view && pinned) view = await configAsOf(view, view.snapshot.id);
    if (!view) return null;
    return { snapshot: view.snapshot, body: { ...view, snapshot: snapshotRef(view.snapshot) } };
  },
});
