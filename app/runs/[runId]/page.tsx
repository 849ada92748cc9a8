import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RunProvenance } from "@/components/run/run-provenance";
import { RunStats } from "@/components/run/run-stats";
import { PageHeader } from "@/components/ui/page-header";
import { getRun } from "@/lib/queries/run";

type Props = { params: Promise<{ runId: string }> };

function parseRunId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { runId } = await params;
  return { title: parseRunId(runId) === null ? "Run not found" : `Run ${runId}` };
}

export default async function RunPage({ params }: Props) {
  await connection(); // always read the database at request time, never at build
  const { runId } = await params;
  const id = parseRunId(runId);
  if (id === null) notFound();
  const run = await getRun(id);
  if (!run) notFound();

  const demo = run.provenance === "demo";
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Run ${run.id}: ${run.config.displayName} on ${run.benchmark.name} (${run.dataset.key})`}
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
        <RunProvenance run={run} />
      </section>
    </div>
  );
}
