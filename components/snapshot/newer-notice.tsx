import Link from "next/link";
import { HistoryIcon, InfoIcon } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { withSnapshotParam } from "@/lib/cite/url";
import { formatDate, formatInt } from "@/lib/format";
import type { SnapshotStatus } from "@/lib/queries/changelog";

/**
 * Shown on a view pinned to a snapshot that is not the latest: says which is shown and which is
 * the latest, with a link to the same view without `snapshot=` (the latest data).
 */
export function NewerNotice({ status, path }: { status: SnapshotStatus; /** The view's URL (path and query). */ path: string }) {
  if (!status.outdated) return null;
  const { shown, latest } = status;
  const newer = latest.createdAt > shown.createdAt;
  return (
    <Alert role="status" data-testid="newer-notice">
      <HistoryIcon aria-hidden="true" />
      <AlertTitle>{newer ? "Newer data available" : "This is not the latest snapshot"}</AlertTitle>
      <AlertDescription>
        <p>
          This view is pinned to snapshot <code className="font-mono">{shown.id}</code> of {formatDate(shown.createdAt)} ({formatInt(shown.runCount)}{" "}
          runs). The latest snapshot is <code className="font-mono">{latest.id}</code> of {formatDate(latest.createdAt)} ({formatInt(latest.runCount)}{" "}
          runs).{" "}
          <Link href={withSnapshotParam(path, null)} className="font-medium text-foreground underline underline-offset-4" data-testid="latest-link">
            Show the latest data
          </Link>{" "}
          ·{" "}
          <Link href={`/changelog#${latest.id}`} className="underline underline-offset-4">
            what changed
          </Link>
        </p>
      </AlertDescription>
    </Alert>
  );
}

/** Shown when `snapshot=` is not a snapshot id at all: the value is ignored and the latest is shown. */
export function InvalidSnapshotNotice({ value }: { value: string }) {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return (
    <Alert role="status" data-testid="invalid-snapshot">
      <InfoIcon aria-hidden="true" />
      <AlertTitle>The snapshot parameter was ignored</AlertTitle>
      <AlertDescription>
        <p>
          snapshot=“{v}” is not a snapshot id (16 hexadecimal digits), so the latest snapshot is shown. The{" "}
          <Link href="/changelog" className="underline underline-offset-4">
            changelog
          </Link>{" "}
          lists every snapshot.
        </p>
      </AlertDescription>
    </Alert>
  );
}

/** Both notices a page may need about its snapshot (nothing when it shows the latest as asked). */
export function SnapshotNotices({ snap, path }: { snap: SnapshotStatus & { invalid: string | null }; path: string }) {
  return (
    <>
      {snap.invalid !== null ? <InvalidSnapshotNotice value={snap.invalid} /> : null}
      <NewerNotice status={snap} path={path} />
    </>
  );
}
