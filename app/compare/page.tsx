import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TriangleAlertIcon } from "lucide-react";

import { AlignmentTable } from "@/components/compare/alignment-table";
import { compareCsvFilename, toCompareCsv } from "@/components/compare/compare-csv";
import { ConfigPicker, type PickerOption } from "@/components/compare/config-picker";
import { DifferencesTable, METHOD_SHORT } from "@/components/compare/differences-table";
import { ExportCsvButton } from "@/components/compare/export-csv-button";
import { ItemDiffFilters } from "@/components/compare/item-diff-filters";
import { ItemDiffTable } from "@/components/compare/item-diff-table";
import { compareViewHref, parseCompareParams, type ComparePageParams } from "@/components/compare/params";
import { ScoresChart } from "@/components/charts/lazy";
import { UsageTable } from "@/components/compare/usage-table";
import { WinRateMatrix } from "@/components/compare/win-rate-matrix";
import { BoardNav } from "@/components/head-to-head/board-nav";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getComparison } from "@/lib/queries/compare";
import { getItemDiff } from "@/lib/queries/compare-items";
import { MAX_COMPARE, MIN_COMPARE, type CompareView, type ItemDiffView } from "@/lib/queries/compare-types";
import { listConfigs } from "@/lib/queries/config";
import { PAIRED_METHOD_LABELS } from "@/lib/scoring/paired";
import { cn } from "@/lib/utils";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board, configs } = parseCompareParams(await searchParams);
  return { title: configs.length ? `Compare ${configs.slice(0, MAX_COMPARE).join(", ")} on Medmarks-${board}` : `Compare configurations, Medmarks-${board}` };
}

const CHIP = "rounded-md border px-2 py-0.5 text-xs hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function Chip({ href, active, children, testId }: { href: string; active: boolean; children: React.ReactNode; testId?: string }) {
  return (
    <Link prefetch={false} href={href} scroll={false} aria-current={active ? "page" : undefined} className={cn(CHIP, active && "bg-muted font-medium")} data-testid={testId}>
      {children}
    </Link>
  );
}

/** The item-level diff section: pair, direction, benchmark / subtask filters, the questions, pages. */
function ItemDiffSection({ view, params, diff }: { view: CompareView; params: ComparePageParams; diff: ItemDiffView }) {
  const name = (c: string) => view.configs.find((x) => x.config === c)?.displayName ?? c;
  const names = { a: name(diff.a), b: name(diff.b) };
  const at = (over: Partial<ComparePageParams>) => compareViewHref({ ...params, a: diff.a, b: diff.b, after: null, ...over }, "items");
  const count = (d: { aOnly: number; bOnly: number }) => (diff.dir === "a-only" ? d.aOnly : d.bOnly);
  const benchmarks = new Map<string, { name: string; aOnly: number; bOnly: number; datasets: ItemDiffView["datasets"] }>();
  for (const d of diff.datasets) {
    const b = benchmarks.get(d.benchmark) ?? { name: d.benchmarkName, aOnly: 0, bOnly: 0, datasets: [] };
    b.aOnly += d.aOnly;
    b.bOnly += d.bOnly;
    b.datasets.push(d);
    benchmarks.set(d.benchmark, b);
  }
  const all = diff.datasets.reduce((s, d) => ({ aOnly: s.aOnly + d.aOnly, bOnly: s.bOnly + d.bOnly }), { aOnly: 0, bOnly: 0 });
  const selected = diff.benchmark ? benchmarks.get(diff.benchmark) : undefined;
  const graded = diff.datasets.some((d) => d.graded);
  const [right, other] = diff.dir === "a-only" ? [names.a, names.b] : [names.b, names.a];
  return (
    <section className="scroll-mt-4 space-y-3" aria-labelledby="h-items" id="items" data-testid="item-diff">
      <h2 id="h-items" className="text-lg font-semibold">
        Questions where they differ
      </h2>
      <p className="max-w-4xl text-sm text-muted-foreground">
        Only questions both answered on {`Medmarks-${view.board}`}, answer orders, repeats and rollouts folded into one question mean. On a
        benchmark whose rewards are all 0 or 1, a configuration is <strong className="font-medium text-foreground">right</strong> when its
        question mean is 1 (right in every rollout and answer order) and wrong otherwise; on a graded benchmark (judge scores, partial
        credit{graded ? ", marked “graded” below" : ""}), “right, the other wrong” means its question mean is higher than the other&apos;s.
      </p>
      <ItemDiffFilters params={params} configs={view.configs} a={diff.a} b={diff.b} />
      <nav aria-label="Direction" className="flex flex-wrap items-center gap-2 text-sm">
        <Chip href={at({ dir: "a-only" })} active={diff.dir === "a-only"} testId="dir-a-only">
          A right, B not: {names.a} over {names.b} ({formatInt(diff.totals.aOnly)})
        </Chip>
        <Chip href={at({ dir: "b-only" })} active={diff.dir === "b-only"} testId="dir-b-only">
          B right, A not: {names.b} over {names.a} ({formatInt(diff.totals.bOnly)})
        </Chip>
        <span className="text-xs text-muted-foreground">{formatInt(diff.totals.shared)} questions both answered</span>
      </nav>
      <nav aria-label="Benchmark" className="flex flex-wrap items-center gap-1.5">
        <Chip href={at({ dir: diff.dir, benchmark: null, subtask: null })} active={!diff.benchmark && !diff.subtask}>
          All benchmarks ({formatInt(count(all))})
        </Chip>
        {[...benchmarks]
          .filter(([slug, b]) => count(b) > 0 || slug === diff.benchmark)
          .map(([slug, b]) => (
            <Chip key={slug} href={at({ dir: diff.dir, benchmark: slug, subtask: null })} active={diff.benchmark === slug && !diff.subtask} testId={`diff-bench-${slug}`}>
              {b.name}
              {b.datasets.some((d) => d.graded) ? " (graded)" : ""} ({formatInt(count(b))})
            </Chip>
          ))}
      </nav>
      {selected && selected.datasets.length > 1 ? (
        <nav aria-label="Subtask" className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-muted-foreground">{selected.name} subtasks:</span>
          {selected.datasets.map((d) => (
            <Chip key={d.key} href={at({ dir: diff.dir, benchmark: diff.benchmark, subtask: d.key })} active={diff.subtask === d.key}>
              {d.label} ({formatInt(count(d))})
            </Chip>
          ))}
        </nav>
      ) : null}
      {diff.rows.length ? (
        <ItemDiffTable view={diff} names={names} />
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="diff-empty">
          {diff.paged ? "No more questions on this page." : `No question here where ${right} is right and ${other} is not.`} Try the other
          direction or another benchmark.
        </p>
      )}
      {diff.paged || diff.next ? (
        <nav aria-label="Pages" className="flex items-center gap-2 text-sm">
          {diff.paged ? (
            <Link prefetch={false} href={at({ dir: diff.dir, benchmark: diff.benchmark, subtask: diff.subtask })} scroll={false} className={CHIP}>
              First page
            </Link>
          ) : null}
          {diff.next ? (
            <Link prefetch={false} href={at({ dir: diff.dir, benchmark: diff.benchmark, subtask: diff.subtask, after: diff.next })} scroll={false} className={CHIP} data-testid="diff-next">
              Next {formatInt(diff.size)}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** 2 to 6 configurations side by side: scores, paired differences, head to head, tokens, settings, and the questions where two of them differ. */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const params = parseCompareParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const path = pathWithQuery("/compare", sp);
  const view = await pinned(snap, () => getComparison({ configs: params.configs, ref: params.ref, board: params.board }));
  const index = await listConfigs();
  const rankOn = (r: (typeof index.rows)[number]) => (view.board === "V" ? r.rankV : r.rankOE);
  const options: PickerOption[] = index.rows
    .filter((r) => r.publishedRuns > 0)
    .map((r) => ({ slug: r.slug, displayName: r.displayName, group: r.group, reasoningEffort: r.reasoningEffort, rank: rankOn(r) }))
    .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9) || x.displayName.localeCompare(y.displayName, "en"));
  const board = `Medmarks-${view.board}`;
  const c = view.comparison;
  const refName = view.configs.find((x) => x.config === view.ref)?.displayName ?? view.ref;

  let diff: ItemDiffView | null = null;
  const pairNotes: string[] = [];
  if (c) {
    const slugs = view.configs.map((x) => x.config);
    if (params.a && !slugs.includes(params.a)) pairNotes.push(`a=${params.a} is not one of the compared configurations.`);
    if (params.b && !slugs.includes(params.b)) pairNotes.push(`b=${params.b} is not one of the compared configurations.`);
    const a = params.a && slugs.includes(params.a) ? params.a : view.ref!;
    const b = params.b && slugs.includes(params.b) && params.b !== a ? params.b : slugs.find((s) => s !== a)!;
    diff = await pinned(snap, () => getItemDiff({ board: view.board, a, b, dir: params.dir, benchmark: params.benchmark, subtask: params.subtask, after: params.after }));
  }
  const differing = c?.alignment.filter((r) => r.differs) ?? [];
  const offBoard = view.configs.filter((x) => !x.onBoard);

  return (
    <div className="space-y-8">
      <PageHeader
        className="pb-0"
        title={view.configs.length >= MIN_COMPARE ? `${view.configs.map((x) => x.displayName).join(" vs ")} on ${board}` : `Compare configurations on ${board}`}
        description={
          <>
            Configurations side by side: scores per benchmark with 95% intervals, paired differences from a reference on the questions both
            answered with Holm-adjusted p-values, head-to-head win rates, tokens and latency, settings, and the questions where two of them
            differ. Scores and win rates are the <Link prefetch={false} href={`/?board=${view.board}`}>leaderboard</Link>&apos;s (default settings).
          </>
        }
        actions={<BoardNav board={view.board} href={(b) => compareViewHref({ ...params, board: b, benchmark: null, subtask: null, after: null })} />}
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="paired-tests">
          {" "}
          · answer orders folded
          {c ? ` · paired intervals from ${formatInt(c.replicates)} bootstrap replicates` : ""}
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="compare-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data: these differences say nothing about the models</AlertTitle>
          <AlertDescription>The board shows generated demo runs of real catalog configurations until real runs are published.</AlertDescription>
        </Alert>
      ) : null}

      <section className="space-y-2" aria-label="Configurations">
        <ConfigPicker
          params={params}
          selected={view.configs.map((x) => ({ config: x.config, displayName: x.displayName }))}
          unknown={view.unknown}
          reference={view.ref}
          options={options}
        />
        {view.unknown.length || view.dropped.length || view.refIgnored || offBoard.length || pairNotes.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground" data-testid="compare-notes">
            {view.unknown.length ? (
              <li data-testid="unknown-note">
                Unknown configuration{view.unknown.length === 1 ? "" : "s"}, left out: <span className="font-mono">{view.unknown.join(", ")}</span>. See the{" "}
                <Link prefetch={false} href="/models" className="underline underline-offset-4">
                  list of configurations
                </Link>
                .
              </li>
            ) : null}
            {view.dropped.length ? (
              <li>
                At most {MAX_COMPARE} configurations are compared at once; left out: <span className="font-mono">{view.dropped.join(", ")}</span>.
              </li>
            ) : null}
            {view.refIgnored ? (
              <li>
                The reference <span className="font-mono">{view.refIgnored}</span> is not one of the compared configurations: {refName} is used.
              </li>
            ) : null}
            {offBoard.length ? (
              <li>
                Not ranked on {board}: {offBoard.map((x) => x.displayName).join(", ")} (no scored run here; try the other board).
              </li>
            ) : null}
            {pairNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {!c ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="compare-empty">
          <h2 className="mb-2 text-base font-semibold">Pick at least {MIN_COMPARE} configurations to compare</h2>
          <p className="text-muted-foreground">
            Search and add them above ({MIN_COMPARE} to {MAX_COMPARE}), or tick rows on the <Link prefetch={false} href={`/?board=${view.board}`} className="underline underline-offset-4">leaderboard</Link>{" "}
            and press Compare. The set lives in the URL, so a copied link shows the same comparison.
          </p>
        </section>
      ) : (
        <>
          {c.benchmarks.length === 0 ? (
            <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="compare-no-scores">
              None of these configurations has a score on {board}. Try the other board, or ingest their runs with{" "}
              <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>.
            </p>
          ) : (
            <>
              <section className="space-y-3" aria-labelledby="h-differences">
                <div className="flex flex-wrap items-end justify-between gap-2">
                  <div className="max-w-4xl space-y-1">
                    <h2 id="h-differences" className="text-lg font-semibold">
                      Scores and differences from {refName}
                    </h2>
                    <p className="text-sm text-muted-foreground" data-testid="compare-methods">
                      Δ is the mean difference from the reference on the questions both answered (questions of a benchmark&apos;s datasets
                      pooled), with its paired bootstrap 95% interval. Paired test per benchmark:{" "}
                      <strong className="font-medium text-foreground">{PAIRED_METHOD_LABELS["mcnemar-exact"]}</strong> when every compared
                      question mean is 0 or 1, else the <strong className="font-medium text-foreground">{PAIRED_METHOD_LABELS["paired-bootstrap"].toLowerCase()}</strong>
                      ; p-values Holm-adjusted over the benchmarks tested for each pair (* = Holm p &lt; {c.alpha}). Used here:{" "}
                      {c.methods.map((m) => METHOD_SHORT[m]).join(" and ") || "none"}. Questions only one of the two answered are counted, not
                      compared.
                    </p>
                  </div>
                  <ExportCsvButton filename={compareCsvFilename(view)} csv={toCompareCsv(view)} />
                </div>
                <DifferencesTable view={view} comparison={c} params={params} />
              </section>

              <section className="space-y-3" aria-labelledby="h-scores">
                <h2 id="h-scores" className="text-lg font-semibold">
                  Scores per benchmark
                </h2>
                <ScoresChart
                  benchmarks={c.benchmarks}
                  configs={view.configs}
                  board={view.board}
                  snapshotId={view.snapshot.id}
                  snapshotDate={view.snapshot.createdAt}
                  synthetic={view.synthetic}
                />
              </section>
            </>
          )}

          <section className="space-y-3" aria-labelledby="h-h2h">
            <h2 id="h-h2h" className="text-lg font-semibold">
              Head to head
            </h2>
            <p className="text-sm text-muted-foreground">
              wr(row vs column): the share of questions the row configuration wins (ties half), per dataset, then ln(n)-weighted over the datasets
              both ran, as the leaderboard ranks. A cell opens the per-dataset breakdown.
            </p>
            <WinRateMatrix view={view} comparison={c} />
          </section>

          <section className="space-y-3" aria-labelledby="h-usage">
            <h2 id="h-usage" className="text-lg font-semibold">
              Tokens and latency
            </h2>
            <UsageTable view={view} comparison={c} />
          </section>

          <section className="space-y-3" aria-labelledby="h-alignment">
            <h2 id="h-alignment" className="text-lg font-semibold">
              Settings: are they run alike?
            </h2>
            {differing.length ? (
              <Alert variant="warning" role="status" data-testid="alignment-differs">
                <TriangleAlertIcon aria-hidden="true" />
                <AlertTitle>
                  {differing.length} setting{differing.length === 1 ? " differs" : "s differ"}: {differing.map((r) => r.label).join(", ")}
                </AlertTitle>
                <AlertDescription>Score differences may come from these settings as much as from the models.</AlertDescription>
              </Alert>
            ) : (
              <p className="text-sm text-muted-foreground" data-testid="alignment-same">
                Every setting is the same for all of them.
              </p>
            )}
            <AlignmentTable view={view} comparison={c} />
          </section>

          {diff ? <ItemDiffSection view={view} params={params} diff={diff} /> : null}
        </>
      )}
    </div>
  );
}
