import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RunProvenance } from "@/components/run/run-provenance";
import { RunStats } from "@/components/run/run-stats";
import { SampleFilters } from "@/components/sample/sample-filters";
import { SamplePager } from "@/components/sample/sample-pager";
import { SampleTable } from "@/components/sample/sample-table";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getDbHandle } from "@/lib/db";
import { formatInt } from "@/lib/format";
import { getRun } from "@/lib/queries/run";
import { runAccess } from "@/lib/submissions/visibility";
import { listSamples } from "@/lib/queries/samples";
import { hasSampleFilters, parseSampleParams } from "@/lib/samples/params";

type Props = {
  params: Promise<{ runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function parseRunId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { runId } = await params;
  return { title: parseRunId(runId) === null ? "Run not found" : `Run ${runId}` };
}

export default async function RunPage({ params, searchParams }: Props) {
  await connection(); // always read the database at request time, never at build
  const { runId } = await params;
  const id = parseRunId(runId);
  if (id === null) notFound();
  // The sample browser's whole state is in the URL (filters, sort, page size, keyset cursor).
  const sampleParams = parseSampleParams(await searchParams);
  const [run, samples] = await Promise.all([getRun(id), listSamples(id, sampleParams)]);
  if (!run) notFound();
  // A pending (or rejected) community run is visible to its submitter and the admins only.
  const access = await runAccess((await getDbHandle()).raw, run.id, run.status, () => getViewer());
  if (!access.visible) notFound();
  const pathname = `/runs/${run.id}`;

  const demo = run.provenance === "demo";
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Run ${run.id}: ${run.config.displayName} on ${run.benchmark.name} (${run.dataset.key})`}
        actions={
          <Link href="#samples" className="text-sm underline underline-offset-4">
            Browse samples ({formatInt(samples.total)})
          </Link>
        }
        description={
          <>
            Status: <strong>{run.status}</strong>
            {run.supersededBy !== null ? (
              <>
                {" "}
                (replaced by <Link href={`/runs/${run.supersededBy}`}>run {run.supersededBy}</Link>)
              </>
            ) : null}{" "}
            · Provenance: <strong>{demo ? "synthetic demo run" : run.provenance}</strong>
            {demo ? " — generated data for trying the explorer, not real model results." : null}
          </>
        }
      />
      {run.status === "pending" ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="pending-note">
          This run awaits moderation: only its submitter and the administrators can see it, and it is on no board yet.
        </p>
      ) : null}
      {demo ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="demo-note">
          This is a synthetic demo run. Its numbers are made up and say nothing about the model.
        </p>
      ) : null}
      <section className="space-y-3" aria-labelledby="h-stats">
        <h2 id="h-stats" className="text-lg font-semibold">
          Summary
        </h2>
        <RunStats run={run} />
      </section>
      <section className="space-y-3" aria-labelledby="h-provenance">
        <h2 id="h-provenance" className="text-lg font-semibold">
          Provenance
        </h2>
        <RunProvenance run={run} submission={access.submission} />
      </section>
      <section id="samples" className="scroll-mt-20 space-y-3" aria-labelledby="h-samples">
        <h2 id="h-samples" className="text-lg font-semibold">
          Samples{" "}
          <span className="text-sm font-normal text-muted-foreground">
            every rollout of this run; open one to read its prompt, completion{run.benchmark.subset === "OE" ? " and the judges' verdicts" : " and options"}
          </span>
        </h2>
        <SampleFilters params={samples.params} />
        <SamplePager page={samples} pathname={pathname} position="top" />
        {samples.rows.length ? (
          <>
            <SampleTable page={samples} pathname={pathname} />
            {samples.rows.length > 10 ? <SamplePager page={samples} pathname={pathname} position="bottom" /> : null}
          </>
        ) : (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-samples">
            {samples.total === 0
              ? "This run has no rows."
              : hasSampleFilters(samples.params)
                ? "No sample matches these filters. Clear or loosen them to see more."
                : "No samples on this page. Go back to the first page."}
          </p>
        )}
      </section>
    </div>
  );
}
