import Link from "next/link";

import { formatDateTime } from "@/lib/format";
import type { AuditRow } from "@/lib/queries/submissions";

function details(a: AuditRow): string {
  const d = a.details;
  const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : 0);
  switch (a.action) {
    case "approve":
      return `${list("published")} published, ${list("superseded")} superseded`;
    case "submit":
      return `${list("runs")} run(s) pending`;
    case "set-role":
      return `${String(d.from)} → ${String(d.to)}`;
    case "withdraw":
    case "reject":
      return typeof d.runsRemoved === "number" ? `${d.runsRemoved} run(s) removed` : "";
    case "create-user":
      return `role ${String(d.role ?? "user")}${d.github ? ", GitHub" : ""}`;
    default:
      return "";
  }
}

export function AuditLog({ rows }: { rows: AuditRow[] }) {
  if (!rows.length) return <p className="text-sm text-muted-foreground">Nothing logged yet.</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm" data-testid="audit-log">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-2 py-1.5 font-medium">When</th>
            <th className="px-2 py-1.5 font-medium">Who</th>
            <th className="px-2 py-1.5 font-medium">Action</th>
            <th className="px-2 py-1.5 font-medium">On</th>
            <th className="px-2 py-1.5 font-medium">Reason / details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className="border-t align-top" data-action={a.action}>
              <td className="px-2 py-1.5 whitespace-nowrap">{formatDateTime(a.at)}</td>
              <td className="px-2 py-1.5">{a.actor ?? <span className="text-muted-foreground">command line</span>}</td>
              <td className="px-2 py-1.5">{a.action}</td>
              <td className="px-2 py-1.5">
                {a.submissionId !== null ? (
                  <Link href={`/admin/submissions/${a.submissionId}`} className="underline underline-offset-4">
                    submission {a.submissionId}
                  </Link>
                ) : a.subject ? (
                  `account ${a.subject}`
                ) : (
                  "—"
                )}
              </td>
              <td className="px-2 py-1.5">
                {a.reason ? <span className="block">{a.reason}</span> : null}
                <span className="text-xs text-muted-foreground">{details(a)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
