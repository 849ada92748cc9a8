"use client";

import { useId, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { SearchIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DEFAULT_SAMPLE_FILTERS,
  MAX_QUERY_LENGTH,
  parseSampleParams,
  sampleParamsHref,
  type SampleParams,
  type TriState,
} from "@/lib/samples/params";

const FIELD = "h-8 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const LABEL = "flex flex-col gap-1 text-xs text-muted-foreground";

const triValue = (t: TriState) => (t === null ? "" : t ? "1" : "0");

const FLAGS = [
  { name: "mismatch", label: "Parsed ≠ gold" },
  { name: "truncated", label: "Truncated" },
  { name: "error", label: "Error" },
  { name: "reasoning", label: "Has reasoning" },
] as const;

/**
 * The sample browser's filters. The URL is the only state: the form is keyed by the current
 * params (so back/forward resets it), and applying it replaces the URL with the new filters, the
 * same sort and page size, and no cursor (filters change which rows exist, so paging restarts).
 * Selects apply at once; text and reward bounds on Enter or "Apply". Works as a plain GET form
 * without JavaScript.
 */
export function SampleFilters({ params }: { params: SampleParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const id = useId();

  function apply(form: HTMLFormElement) {
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") data.set(k, v);
    const next = parseSampleParams(data);
    const href = sampleParamsHref(pathname, { ...next, sort: params.sort, dir: params.dir, after: null, before: null });
    startTransition(() => router.replace(href, { scroll: false }));
  }

  const key = JSON.stringify({ ...params, after: null, before: null });
  const clearHref = sampleParamsHref(pathname, { ...params, ...DEFAULT_SAMPLE_FILTERS, after: null, before: null });

  return (
    <form
      key={key}
      role="search"
      aria-label="Filter samples"
      aria-busy={pending || undefined}
      method="get"
      action={pathname}
      className="flex flex-wrap items-end gap-x-3 gap-y-2"
      data-testid="sample-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {params.sort !== "id" ? <input type="hidden" name="sort" value={params.sort} /> : null}
      <input type="hidden" name="dir" value={params.dir} />
      <label className={`${LABEL} min-w-48 flex-1 sm:max-w-xs`} htmlFor={`${id}-q`}>
        Text in prompt or completion
        <span className="relative">
          <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-muted-foreground" />
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            spellCheck={false}
            placeholder="Search text"
            className={`${FIELD} w-full pl-8`}
          />
        </span>
      </label>
      <label className={LABEL}>
        Outcome
        <select name="outcome" defaultValue={params.outcome ?? ""} className={FIELD} onChange={(e) => apply(e.currentTarget.form!)}>
          <option value="">Any</option>
          <option value="correct">Correct (reward ≥ 1)</option>
          <option value="partial">Partial (0 &lt; reward &lt; 1)</option>
          <option value="wrong">Wrong (reward ≤ 0)</option>
        </select>
      </label>
      <label className={LABEL}>
        Reward ≥
        <input name="min" type="number" step="any" inputMode="decimal" defaultValue={params.minReward ?? ""} className={`${FIELD} w-20`} />
      </label>
      <label className={LABEL}>
        Reward ≤
        <input name="max" type="number" step="any" inputMode="decimal" defaultValue={params.maxReward ?? ""} className={`${FIELD} w-20`} />
      </label>
      {FLAGS.map((f) => (
        <label key={f.name} className={LABEL}>
          {f.label}
          <select name={f.name} defaultValue={triValue(params[f.name])} className={FIELD} onChange={(e) => apply(e.currentTarget.form!)}>
            <option value="">Any</option>
            <option value="1">Yes</option>
            <option value="0">No</option>
          </select>
        </label>
      ))}
      <label className={LABEL}>
        Per page
        <select name="size" defaultValue={String(params.size)} className={FIELD} onChange={(e) => apply(e.currentTarget.form!)}>
          {[...new Set([25, 50, 100, 200, params.size])].sort((a, b) => a - b).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm">
          Apply
        </Button>
        <Link href={clearHref} replace scroll={false} className="text-sm underline underline-offset-4 hover:decoration-2">
          Clear filters
        </Link>
        {pending ? (
          <span role="status" className="text-xs text-muted-foreground">
            Loading…
          </span>
        ) : null}
      </div>
    </form>
  );
}
