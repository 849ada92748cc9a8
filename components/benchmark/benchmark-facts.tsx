import type { ReactNode } from "react";

import { formatInt } from "@/lib/format";
import type { BenchmarkView } from "@/lib/queries/benchmark";

import { CopyButton } from "./copy-button";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** Catalog facts of a benchmark and its BibTeX entry (the variants are in `BenchmarkVariants`). */
export function BenchmarkFacts({ view }: { view: BenchmarkView }) {
  return (
    <section className="grid gap-8 lg:grid-cols-2" aria-labelledby="h-facts">
      <div>
        <h2 id="h-facts" className="mb-2 text-lg font-semibold">
          Facts
        </h2>
        <dl className="divide-y">
          <Fact label="Task type">{view.taskType}</Fact>
          <Fact label="Metric">
            {view.metric ? (
              <>
                <code className="text-xs">{view.metric.key}</code> — {view.metric.scale}
                {view.metric.description ? <p className="text-muted-foreground">{view.metric.description}</p> : null}
              </>
            ) : (
              "—"
            )}
          </Fact>
          <Fact label="Medmarks-T">
            {view.medmarksT ? `Yes${view.nTraining !== null ? ` (${formatInt(view.nTraining)} training items)` : ""}` : "No"}
          </Fact>
          <Fact label="Questions">{formatInt(view.nQuestions)}</Fact>
          <Fact label="License">{view.license ?? "—"}</Fact>
          <Fact label="Source">
            {view.url ? (
              <a href={view.url} target="_blank" rel="noreferrer" className="break-all underline underline-offset-4">
                {view.url}
              </a>
            ) : (
              "—"
            )}
          </Fact>
          {view.subset === "OE" || view.judged ? (
            <Fact label="Judges">{view.judgeModels.length ? view.judgeModels.join(", ") : "—"}</Fact>
          ) : null}
          {!view.inCatalog ? (
            <Fact label="Catalog">Not in the catalog: created by an ingest of an unknown environment.</Fact>
          ) : null}
        </dl>
      </div>
      {view.bibtex ? (
        <div className="min-w-0">
          <div className="mb-2 flex items-center gap-3">
            <h2 className="text-lg font-semibold">BibTeX</h2>
            <CopyButton text={view.bibtex} />
          </div>
          {/* Focusable so keyboard users can scroll long lines. */}
          <pre tabIndex={0} aria-label="BibTeX" className="overflow-x-auto rounded-lg border bg-muted p-3 text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">{view.bibtex}</pre>
        </div>
      ) : null}
    </section>
  );
}
