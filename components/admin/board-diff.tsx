import Link from "next/link";

import type { SubmissionDiff } from "@/lib/submissions/diff";

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(100 * v).toFixed(1)}%`);
const rank = (v: number | null | undefined) => (v === null || v === undefined ? "—" : String(v));

/** What approving would change: runs published and superseded, and each board's rows. */
export function BoardDiffView({ diff }: { diff: SubmissionDiff }) {
  return (
    <div className="space-y-6" data-testid="board-diff">
      <ul className="space-y-1 text-sm">
        {diff.publish.map((p) => (
          <li key={p.runId}>
            Publishes <Link href={`/runs/${p.runId}`} className="underline underline-offset-4">run {p.runId}</Link> ({p.config} ·{" "}
            <code className="font-mono text-xs">{p.datasetKey}</code>)
            {p.supersedes !== null ? (
              <>
                , superseding <Link href={`/runs/${p.supersedes}`} className="underline underline-offset-4">run {p.supersedes}</Link>
              </>
            ) : (
              ", a new configuration × dataset"
            )}
          </li>
        ))}
        {diff.staySuperseded.map((p) => (
          <li key={p.runId} className="text-muted-foreground">
            Run {p.runId} ({p.config} · {p.datasetKey}) stays superseded: <Link href={`/runs/${p.by}`}>run {p.by}</Link> is later.
          </li>
        ))}
      </ul>
      {diff.boards.map((b) => {
        const changed = b.moves.filter((m) => m.kind !== "unchanged");
        return (
          <section key={b.board} className="space-y-2" aria-labelledby={`h-diff-${b.board}`}>
            <h3 id={`h-diff-${b.board}`} className="font-semibold">
              Medmarks-{b.board}: {b.configsBefore} → {b.configsAfter} configurations
            </h3>
            {b.syntheticBefore && !b.syntheticAfter ? (
              <p className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="diff-flip">
                The boards now show the synthetic demo runs. Publishing the first real run switches them to real data (the demo stays
                available with <code>data=all</code> or <code>data=demo</code>).
              </p>
            ) : null}
            {b.datasetsAdded.length || b.datasetsRemoved.length ? (
              <p className="text-sm text-muted-foreground">
                {b.datasetsAdded.length ? `Datasets scored after: +${b.datasetsAdded.join(", +")}. ` : ""}
                {b.datasetsRemoved.length ? `No longer scored (coverage): −${b.datasetsRemoved.join(", −")}.` : ""}
              </p>
            ) : null}
            {changed.length ? (
              <div className="overflow-x-auto rounded-md border">
                <table className="w-full text-sm" data-testid={`diff-table-${b.board}`}>
                  <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                    <tr>
                      <th className="px-2 py-1.5 font-medium">Configuration</th>
                      <th className="px-2 py-1.5 font-medium">Change</th>
                      <th className="px-2 py-1.5 text-right font-medium">Rank now</th>
                      <th className="px-2 py-1.5 text-right font-medium">Rank after</th>
                      <th className="px-2 py-1.5 text-right font-medium">Win rate now</th>
                      <th className="px-2 py-1.5 text-right font-medium">Win rate after</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changed.map((m) => (
                      <tr key={m.config} className="border-t" data-kind={m.kind}>
                        <td className="px-2 py-1.5">
                          {m.config}
                          {m.touched ? <span className="ml-1 text-xs text-muted-foreground">(this submission)</span> : null}
                        </td>
                        <td className="px-2 py-1.5">{m.kind === "new" ? "new row" : m.kind === "removed" ? "leaves the board" : "moves"}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{rank(m.before?.rank)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{rank(m.after?.rank)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{pct(m.before?.winRate)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{pct(m.after?.winRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">No change on this board.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
