"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { ArrowLeftRightIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

import { compareViewHref, type ComparePageParams } from "./params";

const FIELD =
  "h-8 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const LABEL = "flex flex-col gap-1 text-xs text-muted-foreground";

/** The pair of the item-level diff: A and B (any two of the compared configurations) and a swap. Applies at once, in the URL. */
export function ItemDiffFilters({ params, configs, a, b }: { params: ComparePageParams; configs: { config: string; displayName: string }[]; a: string; b: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function go(nextA: string, nextB: string) {
    // Choosing the other side's configuration swaps the two.
    if (nextA === nextB) [nextA, nextB] = nextA === a ? [b, a] : [nextA, a];
    const href = compareViewHref({ ...params, a: nextA, b: nextB, after: null }, "items");
    startTransition(() => router.push(href, { scroll: false }));
  }
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="item-diff-filters" aria-busy={pending || undefined}>
      <label className={LABEL}>
        A
        <select className={FIELD} value={a} onChange={(e) => go(e.target.value, b)} data-testid="diff-a">
          {configs.map((c) => (
            <option key={c.config} value={c.config}>
              {c.displayName}
            </option>
          ))}
        </select>
      </label>
      <Button variant="outline" size="sm" onClick={() => go(b, a)} aria-label="Swap A and B" title="Swap A and B">
        <ArrowLeftRightIcon aria-hidden="true" />
      </Button>
      <label className={LABEL}>
        B
        <select className={FIELD} value={b} onChange={(e) => go(a, e.target.value)} data-testid="diff-b">
          {configs.map((c) => (
            <option key={c.config} value={c.config}>
              {c.displayName}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
