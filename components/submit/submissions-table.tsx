import Link from "next/link";

import { formatDateTime } from "@/lib/format";
import type { SubmissionListItem } from "@/lib/queries/submissions";
import { formatBytes } from "@/lib/submissions/limits";
import { StatusBadge } from "./status-badge";

/** Submissions as a table: link, what was uploaded, status (and the moderator's reason), dates. */
export function SubmissionsTable({ rows, showUser = false, hrefBase = "/submissions" }: { rows: SubmissionListItem[]; showUser?: boolean; hrefBase?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm" data-testid="submissions-table">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-2 py-1.5 font-medium">#</th>
            {showUser ? <th className="px-2 py-1.5 font-medium">Submitter</th> : null}
            <th className="px-2 py-1.5 font-medium">Upload</th>
            <th className="px-2 py-1.5 text-right font-medium">Runs</th>
            <th className="px-2 py-1.5 text-right font-medium">Size</th>
            <th className="px-2 py-1.5 font-medium">Status</th>
            <th className="px-2 py-1.5 font-medium">Started</th>
            <th className="px-2 py-1.5 font-medium">Decided</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className="border-t align-top" data-testid="submission-row" data-id={s.id}>
              <td className="px-2 py-1.5">
                <Link href={`${hrefBase}/${s.id}`} className="underline underline-offset-4">
                  {s.id}
                </Link>
              </td>
              {showUser ? <td className="px-2 py-1.5">{s.user}</td> : null}
              <td className="max-w-72 px-2 py-1.5 break-all">{s.label}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{s.runs}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(s.bytes)}</td>
              <td className="px-2 py-1.5">
                <StatusBadge status={s.status} />
                {s.reason ? <p className="mt-1 text-xs text-muted-foreground">Reason: {s.reason}</p> : null}
              </td>
              <td className="px-2 py-1.5 whitespace-nowrap">{formatDateTime(s.createdAt)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{s.decidedAt ? formatDateTime(s.decidedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
