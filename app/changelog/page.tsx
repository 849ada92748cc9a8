import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { snapshotFromParam } from "@/lib/cite/url";
import { formatDate, formatDateTime, formatInt } from "@/lib/format";
import { CHANGELOG_PAGE_SIZE, getChangelog, type ChangelogEntry } from "@/lib/queries/changelog";

import { BoardMoves } from "./board-moves";
import { RunList } from "./run-list";

export const metadata: Metadata = { title: "Changelog" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Entry({ entry }: { entry: ChangelogEntry }) {
  const { previous } = entry;
  return (
    <section id={entry.id} aria-labelledby={`h-${entry.id}`} className="scroll-mt-4 space-y-3 rounded-lg border p-4 target:ring-2 target:ring-ring" data-testid="changelog-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`h-${entry.id}`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
          <a href={`#${entry.id}`} className="font-mono hover:underline">
            {entry.id}
          </a>
          <span className="font-normal text-muted-foreground">
            {formatDateTime(entry.createdAt)} · {formatInt(entry.runCount)} runs
          </span>
          {entry.label ? <span className="font-normal">{entry.label}</span> : null}
          {entry.isLatest ? <Badge variant="secondary">latest</Badge> : null}
        </h2>
        <Link href={`/?snapshot=${entry.id}`} className="text-sm underline underline-offset-4">
          View this snapshot
        </Link>
      </div>
      <p className="text-sm text-muted-foreground" data-testid="changelog-summary">
        {previous ? (
          <>
            Against <a href={`#${previous.id}`} className="font-mono underline-offset-4 hover:underline">{previous.id}</a> (
            {formatDate(previous.createdAt)}): {formatInt(entry.added.total)} added · {formatInt(entry.superseded.total)} superseded ·{" "}
            {formatInt(entry.removed.total)} removed
          </>
        ) : (
          <>The first snapshot: all its {formatInt(entry.added.total)} runs are new.</>
        )}
      </p>
      <div className="space-y-1">
        <RunList changes={entry.added} kind="added" relatedLabel="supersedes" />
        <RunList changes={entry.superseded} kind="superseded" relatedLabel="by" />
        <RunList changes={entry.removed} kind="removed" />
      </div>
      <div className="space-y-2">
        {entry.boards.map((b) => (
          <BoardMoves key={b.board} entry={entry} changes={b} />
        ))}
      </div>
    </section>
  );
}

/**
 * Every snapshot, newest first, with what changed against the one before: runs added,
 * superseded and removed (snapshot run sets), and rank moves on each board (the stored default
 * boards; "not computed" when one is not stored). `?from=<id>` starts the detailed list at that
 * snapshot; every snapshot has an anchor `#<id>` (linked from each page's snapshot line).
 */
export default async function ChangelogPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const from = snapshotFromParam(sp.from);
  const log = await getChangelog({ from });
  const shown = new Set(log.entries.map((e) => e.id));
  const rest = log.snapshots.filter((s) => !shown.has(s.id));

  return (
    <div className="space-y-6">
      <PageHeader
        className="pb-0"
        title="Changelog: snapshots and what changed"
        description={
          <>
            Each snapshot is the set of published runs at one time; every ingest that publishes or supersedes a run makes a new one. Its
            numbers never change: any view takes <code className="font-mono">?snapshot=&lt;id&gt;</code> to show it (see the{" "}
            <Link href="/methodology#snapshots">methodology</Link>).
          </>
        }
      >
        <p className="text-xs text-muted-foreground" data-testid="snapshot-line">
          Latest snapshot{" "}
          <a href={`#${log.latest.id}`} className="rounded bg-muted px-1 font-mono text-foreground underline-offset-4 hover:underline">
            {log.latest.id}
          </a>{" "}
          · {formatDate(log.latest.createdAt)} · {formatInt(log.latest.runCount)} runs · {formatInt(log.snapshots.length)} snapshot
          {log.snapshots.length === 1 ? "" : "s"} in all
        </p>
      </PageHeader>

      {from && !log.from ? (
        <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="unknown-from">
          No snapshot {from}: the newest snapshots are shown.
        </p>
      ) : null}

      {log.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-state">
          No snapshot yet. Ingest runs with <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>.
        </p>
      ) : (
        <div className="space-y-4">
          {log.from ? (
            <p className="text-sm">
              <Link href="/changelog" className="underline underline-offset-4">
                ← Newest snapshots
              </Link>
            </p>
          ) : null}
          {log.entries.map((e) => (
            <Entry key={e.id} entry={e} />
          ))}
          {log.next ? (
            <p className="text-sm">
              <Link href={`/changelog?from=${log.next}#${log.next}`} className="underline underline-offset-4" data-testid="older-link">
                Older snapshots →
              </Link>
            </p>
          ) : null}
        </div>
      )}

      {rest.length ? (
        <section aria-labelledby="h-index" className="space-y-2">
          <h2 id="h-index" className="text-base font-semibold">
            Other snapshots{" "}
            <span className="text-sm font-normal text-muted-foreground">
              {formatInt(rest.length)} not shown in detail ({CHANGELOG_PAGE_SIZE} per page)
            </span>
          </h2>
          <ul className="columns-1 gap-6 text-sm sm:columns-2 lg:columns-3">
            {rest.map((s) => (
              <li key={s.id} id={s.id} className="scroll-mt-4 target:font-semibold">
                <Link href={`/changelog?from=${s.id}#${s.id}`} className="font-mono underline-offset-4 hover:underline">
                  {s.id}
                </Link>{" "}
                <span className="text-muted-foreground">
                  {formatDate(s.createdAt)} · {formatInt(s.runCount)} runs
                </span>
                {s.isLatest ? " · latest" : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
