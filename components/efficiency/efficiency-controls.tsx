"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import type { EfficiencyBoard } from "@/lib/queries/efficiency-types";
import { cn } from "@/lib/utils";

import { X_NAMES } from "./axis";
import { X_OPTIONS, efficiencyHref, parseEfficiencyParams, type EfficiencyPageParams } from "./params";

const FIELD =
  "h-8 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const LABEL = "flex flex-col gap-1 text-xs text-muted-foreground";

const BOARDS: { board: EfficiencyBoard; hint: string }[] = [
  { board: "V", hint: "verifiable" },
  { board: "OE", hint: "open-ended, LLM-judged" },
];

/**
 * The view's controls, all in the URL: board tabs (links; switching board clears the benchmark),
 * then x, benchmark and ladders as selects that apply at once. A plain GET form without JavaScript.
 */
export function EfficiencyControls({ params, benchmarks }: { params: EfficiencyPageParams; benchmarks: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") data.set(k, v);
    const href = efficiencyHref(parseEfficiencyParams(data));
    startTransition(() => router.replace(href, { scroll: false }));
  }

  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3" data-testid="efficiency-controls">
      <nav aria-label="Board" className="inline-flex h-fit items-center rounded-lg border bg-muted p-0.5">
        {BOARDS.map((b) => {
          const active = b.board === params.board;
          return (
            <Link
              key={b.board}
              href={efficiencyHref({ ...params, board: b.board, benchmark: null })}
              scroll={false}
              aria-current={active ? "page" : undefined}
              title={`Medmarks-${b.board}: ${b.hint}`}
              className={cn(
                "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                active && "bg-background text-foreground shadow-xs",
              )}
            >
              Medmarks-{b.board}
            </Link>
          );
        })}
      </nav>
      <form
        key={JSON.stringify(params)}
        method="get"
        action="/efficiency"
        aria-label="Efficiency view"
        aria-busy={pending || undefined}
        className="flex flex-wrap items-end gap-x-3 gap-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <input type="hidden" name="board" value={params.board} />
        {params.snapshot ? <input type="hidden" name="snapshot" value={params.snapshot} /> : null}
        <label className={LABEL}>
          x axis
          <select name="x" defaultValue={params.x} className={FIELD} onChange={(e) => apply(e.currentTarget.form!)} data-testid="efficiency-x">
            {X_OPTIONS.map((x) => (
              <option key={x} value={x}>
                {X_NAMES[x]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          y axis
          <select
            name="benchmark"
            defaultValue={params.benchmark ?? ""}
            className={cn(FIELD, "max-w-72")}
            onChange={(e) => apply(e.currentTarget.form!)}
            data-testid="efficiency-benchmark"
          >
            <option value="">Weighted mean win rate (all of Medmarks-{params.board})</option>
            {params.benchmark && !benchmarks.some((b) => b.slug === params.benchmark) ? (
              <option value={params.benchmark}>Score on {params.benchmark}</option>
            ) : null}
            {benchmarks.map((b) => (
              <option key={b.slug} value={b.slug}>
                Score on {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Effort ladders
          <select name="ladders" defaultValue={params.ladders ? "1" : "0"} className={FIELD} onChange={(e) => apply(e.currentTarget.form!)}>
            <option value="1">Shown</option>
            <option value="0">Hidden</option>
          </select>
        </label>
        <noscript>
          <Button type="submit" size="sm">
            Apply
          </Button>
        </noscript>
        {pending ? (
          <span role="status" className="pb-1.5 text-xs text-muted-foreground">
            Loading…
          </span>
        ) : null}
      </form>
    </div>
  );
}
