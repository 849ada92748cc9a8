import type { SubmissionReport } from "@/lib/submissions/types";

const pct = (a: number, b: number | null) => (b ? `${((100 * a) / b).toFixed(a === b ? 0 : 1)}%` : "—");
const STATUS: Record<string, string> = {
  valid: "valid",
  loaded: "submitted",
  superseded: "submitted (older)",
  already: "already in the database",
  rejected: "rejected",
};

function where(p: { file: string; line: number | null; field: string | null }) {
  return `${p.file}${p.line !== null ? `:${p.line}` : ""}${p.field ? ` field "${p.field}"` : ""}`;
}

/** The validation report of an upload: runs found and what each maps to, completeness, every problem. */
export function ReportView({ report }: { report: SubmissionReport }) {
  const t = report.totals;
  return (
    <div className="space-y-4" data-testid="report">
      <p className="text-sm" data-testid="report-totals">
        {t.runs} run{t.runs === 1 ? "" : "s"} found: <strong>{t.valid} valid</strong>
        {t.already ? `, ${t.already} already in the database` : ""}
        {t.rejected ? `, ${t.rejected} rejected` : ""} · {t.rows.toLocaleString("en-US")} rows
        {report.kind === "submitted" ? " · submitted for review" : " · checked without writing anything"}
      </p>
      {report.problems.length ? (
        <ul className="space-y-1 rounded-md border border-destructive/50 p-3 text-sm" data-testid="report-problems">
          {report.problems.map((p, i) => (
            <li key={i}>
              <code className="font-mono text-xs">{where(p)}</code>: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.notes.length ? (
        <ul className="space-y-1 text-sm text-muted-foreground">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {report.runs.length ? (
        <div className="overflow-x-auto rounded-md border">
          <table className="w-full text-sm" data-testid="report-runs">
            <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
              <tr>
                <th className="px-2 py-1.5 font-medium">Run</th>
                <th className="px-2 py-1.5 font-medium">Format</th>
                <th className="px-2 py-1.5 font-medium">Configuration</th>
                <th className="px-2 py-1.5 font-medium">Benchmark · dataset</th>
                <th className="px-2 py-1.5 text-right font-medium">Rows</th>
                <th className="px-2 py-1.5 text-right font-medium">Complete</th>
                <th className="px-2 py-1.5 text-right font-medium">Mean reward</th>
                <th className="px-2 py-1.5 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {report.runs.map((r, i) => (
                <tr key={i} className="border-t align-top" data-status={r.status}>
                  <td className="max-w-64 px-2 py-1.5 break-all">
                    <code className="font-mono text-xs">{r.path}</code>
                    {r.errors.map((e, j) => (
                      <p key={j} className="mt-1 text-xs text-destructive" data-testid="report-error">
                        <code className="font-mono">{where(e)}</code>: {e.message}
                      </p>
                    ))}
                    {r.warnings.map((w, j) => (
                      <p key={j} className="mt-1 text-xs text-warning-foreground">
                        warning: {w}
                      </p>
                    ))}
                    {r.newCatalogEntries.map((c, j) => (
                      <p key={j} className="mt-1 text-xs text-muted-foreground">
                        not in the catalog: {c}
                      </p>
                    ))}
                  </td>
                  <td className="px-2 py-1.5">{r.format}</td>
                  <td className="px-2 py-1.5" data-testid="report-config">{r.config ?? "—"}</td>
                  <td className="px-2 py-1.5">
                    {r.benchmark ?? "—"}
                    {r.dataset ? (
                      <>
                        {" · "}
                        <code className="font-mono text-xs">{r.dataset}</code>
                      </>
                    ) : null}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {r.rows.toLocaleString("en-US")}
                    {r.expected_rows !== null ? ` / ${r.expected_rows.toLocaleString("en-US")}` : ""}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{r.status === "rejected" ? "—" : pct(r.rows, r.expected_rows)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{r.mean_reward === null ? "—" : r.mean_reward.toFixed(3)}</td>
                  <td className="px-2 py-1.5" data-testid="report-status">{STATUS[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.skipped.length ? (
        <p className="text-xs text-muted-foreground">
          Skipped {report.skipped.length} job{report.skipped.length === 1 ? "" : "s"} that did not complete:{" "}
          {report.skipped.map((s) => `${s.jobId} (${s.reason})`).join(", ")}
        </p>
      ) : null}
    </div>
  );
}
