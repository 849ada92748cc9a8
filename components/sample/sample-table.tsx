import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatMilliseconds, formatNumber, MISSING } from "@/lib/format";
import type { SamplePage } from "@/lib/queries/samples";
import { sampleHref } from "@/lib/samples/links";
import { defaultDir, sampleParamsHref, type SampleSort } from "@/lib/samples/params";
import { cn } from "@/lib/utils";

const SORT_LABELS: Record<SampleSort, string> = { id: "Example", reward: "Reward", tokens: "Output tokens", latency: "Latency" };

/** A column header that sorts by `sort`: the current sort toggles its direction; paging restarts. */
function SortHead({ page, pathname, sort, numeric }: { page: SamplePage; pathname: string; sort: SampleSort; numeric?: boolean }) {
  const p = page.params;
  const active = p.sort === sort;
  const dir = active ? (p.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
  const href = sampleParamsHref(pathname, { ...p, sort, dir, after: null, before: null });
  const arrow = active ? (p.dir === "asc" ? "↑" : "↓") : "";
  return (
    <TableHead numeric={numeric} aria-sort={active ? (p.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link
        href={href}
        scroll={false}
        replace
        className={cn("inline-flex items-center gap-1 underline-offset-4 hover:underline", active && "text-foreground")}
        aria-label={`Sort by ${SORT_LABELS[sort].toLowerCase()}, ${dir === "asc" ? "ascending" : "descending"}`}
      >
        {SORT_LABELS[sort]}
        <span aria-hidden="true" className="w-3 text-center">
          {arrow}
        </span>
      </Link>
    </TableHead>
  );
}

/** Short untrusted text in a cell: a text node, clamped; the full short text in the tooltip. */
function Short({ text, className }: { text: string | null; className?: string }) {
  if (text === null || text === "") return <span className="text-muted-foreground">{MISSING}</span>;
  return (
    <span className={cn("line-clamp-2 [overflow-wrap:anywhere]", className)} title={text}>
      {text}
    </span>
  );
}

/** One page of a run's samples; each row links to its sample page. */
export function SampleTable({ page, pathname }: { page: SamplePage; pathname: string }) {
  return (
    <Table data-testid="sample-table" containerClassName="max-h-[75vh] rounded-md border">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <SortHead page={page} pathname={pathname} sort="id" />
          <SortHead page={page} pathname={pathname} sort="reward" numeric />
          <TableHead>Gold</TableHead>
          <TableHead>Parsed</TableHead>
          <TableHead>Chosen option</TableHead>
          <TableHead className="min-w-64">Completion (excerpt)</TableHead>
          <SortHead page={page} pathname={pathname} sort="tokens" numeric />
          <SortHead page={page} pathname={pathname} sort="latency" numeric />
          <TableHead>Flags</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {page.rows.map((r) => (
          <TableRow key={`${r.exampleId}\u0000${r.rolloutIndex}`} data-testid="sample-row">
            <TableCell className="whitespace-nowrap">
              <Link
                href={sampleHref(page.runId, r.exampleId, r.rolloutIndex)}
                prefetch={false}
                className="font-medium underline underline-offset-4 hover:decoration-2"
              >
                {r.exampleId}
                {r.rolloutIndex > 0 ? <span className="text-muted-foreground"> · rollout {r.rolloutIndex}</span> : null}
              </Link>
            </TableCell>
            <TableCell numeric>{formatNumber(r.reward, 2)}</TableCell>
            <TableCell className="max-w-40">
              <Short text={r.gold} />
            </TableCell>
            <TableCell className="max-w-40">
              <Short text={r.parsedAnswer} />
            </TableCell>
            <TableCell className="max-w-56">
              <Short text={r.chosenText} />
            </TableCell>
            <TableCell className="max-w-md text-muted-foreground">
              <Short text={r.excerpt} />
            </TableCell>
            <TableCell numeric>{formatInt(r.outputTokens)}</TableCell>
            <TableCell numeric>{formatMilliseconds(r.latencyMs)}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {r.error ? (
                  <Badge variant="destructive" title={r.errorText ?? undefined}>
                    error
                  </Badge>
                ) : null}
                {r.truncated ? <Badge variant="warning">truncated</Badge> : null}
                {r.mismatch ? <Badge variant="outline">parsed ≠ gold</Badge> : null}
                {r.hasReasoning ? <Badge variant="secondary">reasoning</Badge> : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
