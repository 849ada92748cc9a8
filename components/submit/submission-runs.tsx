import Link from "next/link";

import type { SubmissionRunRow } from "@/lib/queries/submissions";

/** The runs a submission loaded, each linking to its run page (private until published). */
export function SubmissionRuns({ runs }: { runs: SubmissionRunRow[] }) {
  if (!runs.length) return <p className="text-sm text-muted-foreground">No runs are stored for this submission.</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm" data-testid="submission-runs">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-2 py-1.5 font-medium">Run</th>
            <th className="px-2 py-1.5 font-medium">Configuration</th>
            <th className="px-2 py-1.5 font-medium">Provider model</th>
            <th className="px-2 py-1.5 font-medium">Benchmark · dataset</th>
            <th className="px-2 py-1.5 text-right font-medium">Rows</th>
            <th className="px-2 py-1.5 text-right font-medium">Mean reward</th>
            <th className="px-2 py-1.5 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-t">
              <td className="px-2 py-1.5">
                <Link href={`/runs/${r.id}`} className="underline underline-offset-4">
                  {r.id}
                </Link>
              </td>
              <td className="px-2 py-1.5">
                {r.configName} <code className="font-mono text-xs">({r.config})</code>
                {r.configInCatalog ? null : <span className="text-xs text-muted-foreground"> · not in catalog</span>}
              </td>
              <td className="px-2 py-1.5">
                <code className="font-mono text-xs">{r.providerModel}</code>
              </td>
              <td className="px-2 py-1.5">
                {r.benchmark} · <code className="font-mono text-xs">{r.datasetKey}</code>
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">
                {r.observedRows}
                {r.expectedRows !== null ? ` / ${r.expectedRows}` : ""}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.meanReward === null ? "—" : r.meanReward.toFixed(3)}</td>
              <td className="px-2 py-1.5">
                {r.status}
                {r.supersededBy !== null ? ` (by run ${r.supersededBy})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
