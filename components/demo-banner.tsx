import { TriangleAlertIcon } from "lucide-react";
import { unstable_rethrow } from "next/navigation";
import { connection } from "next/server";

import { getDataStatus, type DataStatus } from "@/lib/queries/data-status";
import { formatInt } from "@/lib/format";

const barClass = "border-b border-warning-border bg-warning text-warning-foreground";
const innerClass = "mx-auto flex w-full max-w-[96rem] items-start gap-3 px-4 py-2 text-sm sm:px-6";

/**
 * Page-wide notice while synthetic demo runs are published. Renders nothing when there are none.
 * Reads the DB, so it opts every page out of build-time prerendering (`connection()`).
 */
export async function DemoBanner() {
  await connection();

  let status: DataStatus;
  try {
    status = await getDataStatus();
  } catch (error) {
    unstable_rethrow(error); // let Next's own control-flow errors through
    // Never hide the failure, and never imply the numbers are real when we could not check.
    console.error("DemoBanner: getDataStatus failed", error);
    return (
      <div role="alert" data-testid="demo-banner-error" className={barClass}>
        <div className={innerClass}>
          <TriangleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p>
            <strong className="font-semibold">Could not read the data status from the database.</strong>{" "}
            Whether the numbers shown are synthetic demo data is unknown; see the server log.
          </p>
        </div>
      </div>
    );
  }

  if (status.demoRuns <= 0) return null;

  return (
    <div role="status" data-testid="demo-banner" className={barClass}>
      <div className={innerClass}>
        <TriangleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p className="text-pretty">
          <strong className="font-semibold">
            Synthetic demo data — these numbers are generated, not real model results.
          </strong>{" "}
          <span className="tabular-nums">
            {formatInt(status.demoRuns)} of {formatInt(status.totalRuns)} runs are synthetic.
          </span>{" "}
          Ingest real runs with{" "}
          <code className="rounded bg-background/60 px-1 py-0.5 font-mono text-xs whitespace-nowrap">
            npm run ingest -- &lt;path&gt;
          </code>
          .
        </p>
      </div>
    </div>
  );
}
