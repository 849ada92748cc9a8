"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";

/** Embeds live under /embed: framed by other sites, they show no header, banner, nav or footer. */
export function isEmbedPath(pathname: string | null | undefined): boolean {
  return pathname === "/embed" || (pathname?.startsWith("/embed/") ?? false);
}

/**
 * The site's chrome around every page (skip link, header, demo banner, <main>, footer), except on
 * `/embed/...`, where the embed layout (app/embed/layout.tsx) renders the view alone. The chrome is
 * rendered on the server and passed in; only the choice is made here, from the pathname, which is
 * the same on the server and in the browser (no flash, no hydration mismatch).
 */
export function SiteChrome({ header, footer, children }: { header: ReactNode; footer: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  if (isEmbedPath(pathname)) return <>{children}</>;
  return (
    <>
      {header}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-6 outline-none sm:px-6">
        {children}
      </main>
      {footer}
    </>
  );
}
