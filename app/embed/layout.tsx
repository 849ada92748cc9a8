import type { ReactNode } from "react";
import type { Metadata } from "next";

import { EmbedLinkGuard } from "@/components/embed/embed-link-guard";

export const metadata: Metadata = {
  // The full pages are the ones to index; an embed is the same view without the site around it.
  robots: { index: false, follow: true },
};

/**
 * `/embed/...`: one chart or table alone, for another site's `<iframe>`. The root layout leaves out
 * the site's header, banner and footer here (components/embed/site-chrome.tsx); next.config.ts
 * lets any site frame these pages. Each embed fills the width it is given; its footer links back.
 */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="w-full p-3" data-embed-root>
      <EmbedLinkGuard />
      {children}
    </main>
  );
}
