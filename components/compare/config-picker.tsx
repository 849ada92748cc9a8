"use client";

/**
 * The compared configurations as chips (colour, name, "reference" or a button to make it one, ×
 * to remove) and a search box to add one (an ARIA combobox over the configurations with runs).
 * Every change navigates to the new URL, so the set lives in the address bar.
 */
import { useId, useMemo, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { XIcon } from "lucide-react";

import type { ModelGroup } from "@/lib/catalog/types";
import { MAX_COMPARE } from "@/lib/queries/compare-types";
import { GROUP_LABELS } from "@/lib/format";
import { cn } from "@/lib/utils";

import { configColor } from "./colors";
import { compareViewHref, type ComparePageParams } from "./params";

export interface PickerOption {
  slug: string;
  displayName: string;
  group: ModelGroup | null;
  reasoningEffort: string | null;
  /** Rank on the page's board (null = not ranked there). */
  rank: number | null;
}

export interface PickerProps {
  params: ComparePageParams;
  /** Known configurations shown, in page order. */
  selected: { config: string; displayName: string }[];
  /** Slugs that name no configuration. */
  unknown: string[];
  reference: string | null;
  options: PickerOption[];
}

const MAX_SHOWN = 60;

function matches(o: PickerOption, q: string): boolean {
  if (!q) return true;
  const hay = `${o.slug} ${o.displayName} ${o.group ?? ""} ${o.reasoningEffort ?? ""}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export function ConfigPicker({ params, selected, unknown, reference, options }: PickerProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  const chosen = useMemo(() => new Set(params.configs), [params.configs]);
  const found = useMemo(() => options.filter((o) => !chosen.has(o.slug) && matches(o, q.trim())).slice(0, MAX_SHOWN), [options, chosen, q]);
  const full = selected.length >= MAX_COMPARE;

  const go = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  const without = (slug: string) =>
    compareViewHref({
      ...params,
      configs: params.configs.filter((c) => c !== slug),
      ref: params.ref === slug ? null : params.ref,
      a: params.a === slug ? null : params.a,
      b: params.b === slug ? null : params.b,
      after: null,
    });
  function add(slug: string) {
    setQ("");
    setOpen(false);
    setActive(0);
    go(compareViewHref({ ...params, configs: [...params.configs, slug], after: null }));
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(found.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter") {
      if (open && found[active]) {
        e.preventDefault();
        add(found[active].slug);
      }
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <div className="space-y-2" data-testid="config-picker" aria-busy={pending || undefined}>
      <ul className="flex flex-wrap items-center gap-2" aria-label="Compared configurations">
        {selected.map((s, i) => {
          const isRef = s.config === reference;
          return (
            <li key={s.config} className="inline-flex items-center gap-1.5 rounded-full border bg-background py-0.5 pr-1 pl-2.5 text-sm" data-testid="picked-config" data-config={s.config}>
              <span aria-hidden="true" className="inline-block size-2.5 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
              <Link prefetch={false} href={`/models/${encodeURIComponent(s.config)}?board=${params.board}`} className="font-medium underline-offset-4 hover:underline">
                {s.displayName}
              </Link>
              {isRef ? (
                <span className="rounded-full bg-muted px-1.5 text-[11px] text-muted-foreground">reference</span>
              ) : (
                <Link prefetch={false}
                  href={compareViewHref({ ...params, ref: s.config, after: null })}
                  scroll={false}
                  className="rounded-full px-1.5 text-[11px] text-muted-foreground underline-offset-2 hover:bg-accent hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                  aria-label={`make reference: ${s.displayName}`}
                >
                  make reference
                </Link>
              )}
              <Link prefetch={false}
                href={without(s.config)}
                scroll={false}
                aria-label={`Remove ${s.displayName}`}
                title={`Remove ${s.displayName}`}
                className="rounded-full p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
              >
                <XIcon aria-hidden="true" className="size-3.5" />
              </Link>
            </li>
          );
        })}
        {unknown.map((slug) => (
          <li key={slug} className="inline-flex items-center gap-1.5 rounded-full border border-warning-border bg-warning py-0.5 pr-1 pl-2.5 text-sm text-warning-foreground" data-testid="unknown-config">
            <span className="font-mono">{slug}</span>
            <span className="text-[11px]">unknown</span>
            <Link prefetch={false} href={without(slug)} scroll={false} aria-label={`Remove ${slug}`} className="rounded-full p-0.5 hover:bg-background/50 focus-visible:outline-2 focus-visible:outline-ring">
              <XIcon aria-hidden="true" className="size-3.5" />
            </Link>
          </li>
        ))}
      </ul>
      <div className="relative max-w-md">
        <label className="sr-only" htmlFor={`${listId}-input`}>
          Add a configuration
        </label>
        <input
          id={`${listId}-input`}
          type="text"
          role="combobox"
          aria-expanded={open && !full}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={open && found[active] ? `${listId}-${active}` : undefined}
          disabled={full}
          placeholder={full ? `At most ${MAX_COMPARE} configurations` : "Add a configuration: search by name, alias or group…"}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60"
          data-testid="config-search"
        />
        <p id={hintId} className="mt-1 text-xs text-muted-foreground">
          {full
            ? `${MAX_COMPARE} configurations is the most compared at once: remove one to add another.`
            : `Compare 2 to ${MAX_COMPARE} configurations. Arrow keys choose, Enter adds.`}
        </p>
        {open && !full ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="Configurations"
            className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border bg-popover py-1 text-sm text-popover-foreground shadow-md"
          >
            {found.length === 0 ? (
              <li className="px-3 py-2 text-muted-foreground" role="presentation">
                No configuration matches “{q}”.
              </li>
            ) : (
              found.map((o, i) => (
                <li
                  key={o.slug}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    e.preventDefault(); // keep focus in the input until the choice is made
                    add(o.slug);
                  }}
                  onMouseEnter={() => setActive(i)}
                  className={cn("flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5", i === active && "bg-accent text-accent-foreground")}
                  data-testid="config-option"
                >
                  <span className="min-w-0 truncate">
                    {o.displayName}
                    {o.displayName !== o.slug ? <span className="ml-1.5 font-mono text-xs text-muted-foreground">{o.slug}</span> : null}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                    {o.group ? GROUP_LABELS[o.group] : "unknown group"}
                    {o.rank !== null ? ` · #${o.rank}` : " · not ranked here"}
                  </span>
                </li>
              ))
            )}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
