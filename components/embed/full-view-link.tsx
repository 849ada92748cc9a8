"use client";

import type { ReactNode } from "react";
import { useSearchParams } from "next/navigation";

import { fullViewHref } from "./embed-url";

/**
 * "open full view ↗": the full page (`pathname`, `hash`) with the embed's current parameters, kept
 * live: a control inside the embed that rewrites the URL (the distribution toggle) moves the link too.
 */
export function FullViewLink({ pathname, hash, className, children }: { pathname: string; hash?: string; className?: string; children: ReactNode }) {
  const searchParams = useSearchParams();
  const sp: Record<string, string[]> = {};
  for (const [k, v] of searchParams?.entries() ?? []) (sp[k] ??= []).push(v);
  return (
    <a href={fullViewHref(pathname, sp, hash)} target="_blank" rel="noopener" className={className} data-testid="embed-full-view">
      {children}
    </a>
  );
}
