import type { ReactNode } from "react";
import Link from "next/link";

import type { SnapshotInfo } from "@/lib/boards/snapshot";
import { formatDate, formatInt } from "@/lib/format";

/**
 * "Data as of [the latest] snapshot <id> · <date> · N runs", the id linking to its changelog
 * entry; `children` adds the view's own figures; `method` links the methodology section that
 * defines the numbers shown.
 */
export function SnapshotLine({
  snapshot,
  pinned,
  method,
  children,
}: {
  snapshot: SnapshotInfo;
  /** The URL pins this snapshot (else it is the latest). */
  pinned: boolean;
  /** Anchor on /methodology (e.g. "win-rate"), or a full href. */
  method?: string;
  children?: ReactNode;
}) {
  const methodHref = method === undefined ? null : method.startsWith("/") ? method : `/methodology#${method}`;
  return (
    <p className="text-xs text-muted-foreground" data-testid="snapshot-line" data-snapshot={snapshot.id} data-pinned={pinned ? "true" : "false"}>
      Data as of {pinned ? "snapshot" : "the latest snapshot"}{" "}
      <Link
        href={`/changelog#${snapshot.id}`}
        className="rounded bg-muted px-1 font-mono text-foreground underline-offset-4 hover:underline"
        title="What changed in this snapshot"
      >
        {snapshot.id}
      </Link>{" "}
      · {formatDate(snapshot.createdAt)} · <span data-stat="snapshot-runs">{formatInt(snapshot.runCount)}</span> runs
      {children}
      {methodHref ? (
        <>
          {" "}
          ·{" "}
          <Link href={methodHref} className="underline underline-offset-4 hover:text-foreground">
            how this is computed
          </Link>
        </>
      ) : null}
    </p>
  );
}
