"use client";

import { useEffect } from "react";

/**
 * Inside an iframe, a link to the site's pages must not turn the embed into the full site: links
 * that leave /embed open in a new tab. A capture listener on `window` runs before React's (and so
 * before next/link's client navigation), and marks the clicked link `target="_blank"`, which
 * next/link leaves to the browser. Links within /embed (e.g. a distribution toggle) stay in place.
 */
export function EmbedLinkGuard() {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target) return;
      let url: URL;
      try {
        url = new URL(a.href, window.location.href);
      } catch {
        return;
      }
      if (url.origin === window.location.origin && (url.pathname === "/embed" || url.pathname.startsWith("/embed/"))) return;
      a.target = "_blank";
      a.rel = "noopener";
    };
    window.addEventListener("click", onClick, true);
    return () => window.removeEventListener("click", onClick, true);
  }, []);
  return null;
}
