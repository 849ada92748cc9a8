"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ChevronDownIcon, SearchIcon, XIcon } from "lucide-react";

import type { ModelGroup } from "@/lib/catalog/types";
import { GroupSwatch } from "@/components/ui/group-badge";
import { Button } from "@/components/ui/button";
import { GROUP_LABELS } from "@/lib/format";
import { cn } from "@/lib/utils";
import {
  FACETS,
  NO_EFFORT,
  NO_ORG,
  SIZE_LABELS,
  facetOptions,
  filterRows,
  hasActiveFilters,
  type Facet,
  type FacetRow,
} from "./filter";
import type { SizeBucket } from "./params";
import { useLeaderboardUrl } from "./use-leaderboard-url";

const FACET_LEGENDS: Record<Facet, string> = {
  group: "Group",
  org: "Organisation",
  effort: "Reasoning effort",
  size: "Size",
};

function optionLabel(facet: Facet, value: string): string {
  switch (facet) {
    case "group":
      return GROUP_LABELS[value as ModelGroup] ?? value;
    case "org":
      return value === NO_ORG ? "Unknown" : value;
    case "effort":
      return value === NO_EFFORT ? "Not set" : value;
    case "size":
      return SIZE_LABELS[value as SizeBucket] ?? value;
  }
}

/**
 * Search box and facet chips (group, organisation, reasoning effort, size) with counts. All state
 * lives in the URL; filtering is client-side over the board's rows and never changes ranks. On
 * narrow screens the chips fold behind a "Filters" button.
 */
export function LeaderboardFilters({ rows }: { rows: FacetRow[] }) {
  const { params, replace } = useLeaderboardUrl();
  const filters = useMemo(
    () => ({ q: params.q, group: params.group, org: params.org, effort: params.effort, size: params.size }),
    [params.q, params.group, params.org, params.effort, params.size],
  );
  const options = useMemo(() => facetOptions(rows, filters), [rows, filters]);
  const shown = useMemo(() => filterRows(rows, filters).length, [rows, filters]);
  const active = hasActiveFilters(filters);
  const activeFacets = FACETS.reduce((n, f) => n + filters[f].length, 0);

  // The input keeps its own text (no cursor jumps); the URL follows it, and it follows the URL
  // when that changes from elsewhere (back/forward, "Clear filters").
  const [text, setText] = useState(params.q);
  const written = useRef(params.q);
  useEffect(() => {
    if (params.q !== written.current) {
      written.current = params.q;
      setText(params.q);
    }
  }, [params.q]);

  const [open, setOpen] = useState(false);
  const searchId = useId();
  const panelId = useId();

  function toggle(facet: Facet, value: string) {
    const chosen = filters[facet] as string[];
    const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    replace({ [facet]: next });
  }

  function clearAll() {
    written.current = "";
    setText("");
    replace({ q: "", group: [], org: [], effort: [], size: [] });
  }

  return (
    <section aria-label="Filter configurations" className="space-y-2" data-testid="leaderboard-filters">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 sm:max-w-xs">
          <label htmlFor={searchId} className="sr-only">
            Search configurations
          </label>
          <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <input
            id={searchId}
            type="search"
            value={text}
            placeholder="Search model, alias or org"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              written.current = value.trim();
              replace({ q: value });
            }}
            className="h-9 w-full rounded-md border border-input bg-background pr-2 pl-8 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          />
        </div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="md:hidden"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          Filters{activeFacets ? ` (${activeFacets})` : ""}
          <ChevronDownIcon aria-hidden="true" className={cn("transition-transform", open && "rotate-180")} />
        </Button>
        <p className="text-xs text-muted-foreground tabular-nums" aria-live="polite" data-testid="filter-count">
          {active ? `Showing ${shown} of ${rows.length} configurations` : `${rows.length} configurations`}
        </p>
        {active ? (
          <Button type="button" variant="ghost" size="sm" onClick={clearAll}>
            <XIcon aria-hidden="true" />
            Clear filters
          </Button>
        ) : null}
      </div>
      <div id={panelId} className={cn("flex-wrap gap-x-5 gap-y-2", open ? "flex" : "hidden md:flex")}>
        {FACETS.map((facet) =>
          options[facet].length === 0 ? null : (
            <fieldset key={facet} className="flex min-w-0 flex-wrap items-center gap-1">
              <legend className="float-left mr-1 text-xs font-medium text-muted-foreground">{FACET_LEGENDS[facet]}</legend>
              {options[facet].map((o) => (
                <button
                  key={o.value}
                  type="button"
                  aria-pressed={o.selected}
                  onClick={() => toggle(facet, o.value)}
                  className={cn(
                    "inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                    o.selected ? "border-foreground/60 bg-accent text-foreground" : "text-muted-foreground",
                    o.count === 0 && !o.selected && "opacity-60",
                  )}
                >
                  {facet === "group" ? <GroupSwatch group={o.value as ModelGroup} /> : null}
                  {optionLabel(facet, o.value)}
                  <span className="text-muted-foreground tabular-nums">
                    <span className="sr-only">, </span>
                    {o.count}
                    <span className="sr-only"> configurations</span>
                  </span>
                </button>
              ))}
            </fieldset>
          ),
        )}
      </div>
    </section>
  );
}
