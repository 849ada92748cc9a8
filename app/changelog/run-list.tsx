import Link from "next/link";

import { formatInt } from "@/lib/format";
import type { RunChanges } from "@/lib/queries/changelog";

/**
 * The runs of one kind of change (added / superseded / removed): a count in the summary, the
 * list (capped, with the exact total) behind a disclosure when long.
 */
export function RunList({ changes, kind, relatedLabel }: { changes: RunChanges; kind: string; relatedLabel?: string }) {
  if (changes.total === 0) return null;
  const list = (
    <ul className="mt-1 space-y-0.5 pl-4 text-xs" data-testid={`runs-${kind}`}>
      {changes.runs.map((r) => (
        <li key={r.id} className="flex flex-wrap gap-x-2">
          <Link href={`/runs/${r.id}`} className="font-mono underline-offset-4 hover:underline">
            #{r.id}
          </Link>
          <Link href={`/models/${encodeURIComponent(r.config)}`} className="underline-offset-4 hover:underline">
            {r.config}
          </Link>
          <span className="font-mono text-muted-foreground">{r.dataset}</span>
          <span className="text-muted-foreground">{r.provenance}</span>
          {r.status !== "published" ? <span className="text-muted-foreground">(now {r.status})</span> : null}
          {relatedLabel && r.related.length ? (
            <span className="text-muted-foreground">
              {relatedLabel}{" "}
              {r.related.map((id, i) => (
                <span key={id}>
                  {i ? ", " : ""}
                  <Link href={`/runs/${id}`} className="font-mono underline-offset-4 hover:underline">
                    #{id}
                  </Link>
                </span>
              ))}
            </span>
          ) : null}
        </li>
      ))}
      {changes.total > changes.runs.length ? (
        <li className="text-muted-foreground">… and {formatInt(changes.total - changes.runs.length)} more</li>
      ) : null}
    </ul>
  );
  return (
    <details className="text-sm" open={changes.total <= 8}>
      <summary className="cursor-pointer">
        <span className="font-medium tabular-nums">{formatInt(changes.total)}</span> run{changes.total === 1 ? "" : "s"} {kind}
      </summary>
      {list}
    </details>
  );
}
