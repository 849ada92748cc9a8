import Link from "next/link";

import { GroupSwatch } from "@/components/ui/group-badge";
import { GROUP_LABELS, formatInt } from "@/lib/format";
import { cn } from "@/lib/utils";

import { GROUP_FILTERS, indexHref, type ConfigIndexParams, type GroupFilter } from "./params";

export const groupLabel = (g: GroupFilter) => (g === "unknown" ? "Not in catalog" : GROUP_LABELS[g]);

const chip =
  "inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-sm whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Group filter of the configuration index as links (`?group=`), with the count of each. */
export function GroupFilterNav({ params, counts, total }: { params: ConfigIndexParams; counts: Record<GroupFilter, number>; total: number }) {
  return (
    <nav aria-label="Filter by group" className="flex flex-wrap items-center gap-2" data-testid="group-filter">
      <Link href={indexHref({ ...params, group: null })} aria-current={params.group === null ? "page" : undefined} className={cn(chip, params.group === null && "bg-muted text-foreground")}>
        All <span className="tabular-nums">{formatInt(total)}</span>
      </Link>
      {GROUP_FILTERS.filter((g) => counts[g] > 0 || params.group === g).map((g) => (
        <Link key={g} href={indexHref({ ...params, group: g })} aria-current={params.group === g ? "page" : undefined} className={cn(chip, params.group === g && "bg-muted text-foreground")}>
          {g !== "unknown" ? <GroupSwatch group={g} /> : null}
          {groupLabel(g)} <span className="tabular-nums">{formatInt(counts[g])}</span>
        </Link>
      ))}
    </nav>
  );
}
