"use client";

import dynamic from "next/dynamic";
import { MoonIcon, SunIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

/**
 * The header's theme menu, loaded after hydration: its Radix dropdown (menu, popper, focus scope,
 * ~20 kB gzip) sits in every page's layout, and no page needs it for its first paint. Until it is
 * here, a disabled button of the same look stands in.
 */
export const ThemeToggle = dynamic(() => import("./theme-toggle").then((m) => m.ThemeToggle), {
  ssr: false,
  loading: () => (
    <Button variant="ghost" size="icon-sm" aria-label="Colour theme" disabled>
      <SunIcon className="dark:hidden" aria-hidden="true" />
      <MoonIcon className="hidden dark:block" aria-hidden="true" />
    </Button>
  ),
});
