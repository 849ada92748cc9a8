/**
 * Links within a pinned view carry its snapshot: `pinHref(href, pinned)` adds `snapshot=<id>`
 * when the page was pinned by its URL and leaves the link alone otherwise (so the latest view's
 * links keep following the latest). Pure; client leaves may use it too.
 */
import { withSnapshotParam } from "@/lib/cite/url";

export function pinHref(href: string, pinned: string | null | undefined): string {
  return pinned ? withSnapshotParam(href, pinned) : href;
}
