import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TriangleAlertIcon } from "lucide-react";

import { ConfigIndexTable } from "@/components/model/config-index-table";
import { GroupFilterNav, groupLabel } from "@/components/model/group-filter";
import { GROUP_FILTERS, indexHref, parseIndexParams, type GroupFilter } from "@/components/model/params";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, formatInt } from "@/lib/format";
import { listConfigs } from "@/lib/queries/config";
import type { ConfigIndexRow } from "@/lib/queries/config-types";

export const metadata: Metadata = { title: "Configurations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const groupOf = (r: ConfigIndexRow): GroupFilter => r.group ?? "unknown";

/** Every configuration with runs (and, on request, the catalog's without), grouped by model group. */
export default async function ModelsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const params = parseIndexParams(await searchParams);
  const index = await listConfigs();
  const withRuns = index.rows.filter((r) => r.publishedRuns > 0);
  const withoutRuns = index.rows.length - withRuns.length;
  const pool = params.noRun ? index.rows : withRuns;
  const counts = Object.fromEntries(GROUP_FILTERS.map((g) => [g, pool.filter((r) => groupOf(r) === g).length])) as Record<GroupFilter, number>;
  const groups = GROUP_FILTERS.filter((g) => (params.group === null || params.group === g) && counts[g] > 0);
  const synthetic = index.synthetic.V || index.synthetic.OE;

  return (
    <div className="space-y-6">
      <PageHeader
        className="pb-2"
        title="Configurations"
        description={
          <>
            Each configuration is one leaderboard row: a model with its sampling arguments and reasoning effort. Ranks and mean win
            rates are those of the default <Link href="/?board=V">Medmarks-V</Link> and <Link href="/?board=OE">Medmarks-OE</Link>{" "}
            boards. Open one for its scores against the board median, tokens, latency, siblings and runs.
          </>
        }
      >
        <p className="text-xs text-muted-foreground" data-testid="snapshot-line">
          Data as of snapshot{" "}
          <code className="rounded bg-muted px-1 font-mono" title={index.snapshot.id}>
            {index.snapshot.id.slice(0, 12)}
          </code>{" "}
          · {formatDate(index.snapshot.createdAt)} · {formatInt(index.ranked.V)} ranked on V · {formatInt(index.ranked.OE)} ranked on OE
        </p>
      </PageHeader>

      {synthetic ? (
        <Alert variant="warning" role="status" data-testid="configs-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data</AlertTitle>
          <AlertDescription>
            The ranks come from generated demo runs of real catalog configurations, not from real model results. Real runs replace them as
            soon as any are published.
          </AlertDescription>
        </Alert>
      ) : null}

      {withRuns.length === 0 && !params.noRun ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">No configuration has a published run yet</h2>
          <p className="text-muted-foreground">
            Ingest Medmarks run artifacts with <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>, or{" "}
            <Link href={indexHref({ ...params, noRun: true })} className="underline underline-offset-4">
              list the {formatInt(withoutRuns)} catalog configurations
            </Link>{" "}
            without runs.
          </p>
        </section>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <GroupFilterNav params={params} counts={counts} total={pool.length} />
            {withoutRuns > 0 ? (
              <Link href={indexHref({ ...params, noRun: !params.noRun })} className="text-sm underline underline-offset-4" data-testid="toggle-norun">
                {params.noRun ? "Hide" : "Show"} {formatInt(withoutRuns)} catalog configurations without runs
              </Link>
            ) : null}
          </div>
          {groups.length === 0 ? (
            <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
              No configuration in this group.{" "}
              <Link href={indexHref({ ...params, group: null })} className="underline underline-offset-4">
                Show all groups
              </Link>
              .
            </p>
          ) : (
            groups.map((g) => {
              const rows = pool.filter((r) => groupOf(r) === g);
              return (
                <section key={g} className="space-y-2" aria-labelledby={`h-${g}`} data-testid={`group-${g}`}>
                  <h2 id={`h-${g}`} className="text-lg font-semibold">
                    {groupLabel(g)} <span className="text-sm font-normal text-muted-foreground">
                      {formatInt(rows.length)} configuration{rows.length === 1 ? "" : "s"}
                    </span>
                  </h2>
                  <ConfigIndexTable rows={rows} caption={`${groupLabel(g)} configurations`} synthetic={synthetic} />
                </section>
              );
            })
          )}
        </>
      )}
    </div>
  );
}
