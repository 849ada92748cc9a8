"use client";

import { useEffect, useState } from "react";

import { useTheme } from "@/components/theme-provider";

/**
 * The current theme's values of some CSS custom properties (`--group-medical` → `#009e73`),
 * re-read when the theme changes. The chart itself uses `var(--…)` (so it follows the theme
 * without this); the resolved values are for the exported legend, which is drawn outside the page
 * where `var()` has no meaning. Empty until mounted.
 */
export function useResolvedColors(names: readonly string[]): Record<string, string> {
  const { resolvedTheme } = useTheme();
  const [colors, setColors] = useState<Record<string, string>>({});
  const key = names.join(",");
  useEffect(() => {
    const style = getComputedStyle(document.documentElement);
    const next: Record<string, string> = {};
    for (const name of key.split(",")) {
      const value = name ? style.getPropertyValue(name).trim() : "";
      if (value) next[name] = value;
    }
    setColors(next);
  }, [key, resolvedTheme]);
  return colors;
}
