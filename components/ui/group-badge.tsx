import type { ComponentProps } from "react";

import type { ModelGroup } from "@/lib/catalog/types";
import { GROUP_LABELS, groupColorVar } from "@/lib/format";
import { cn } from "@/lib/utils";

/** The group's colour as a small swatch (decorative: always show the label next to it). */
export function GroupSwatch({
  group,
  className,
  style,
  ...props
}: ComponentProps<"span"> & { group: ModelGroup }) {
  return (
    <span
      data-slot="group-swatch"
      aria-hidden="true"
      className={cn("inline-block size-2.5 shrink-0 rounded-full", className)}
      style={{ backgroundColor: groupColorVar(group), ...style }}
      {...props}
    />
  );
}

/** A model group as swatch + text label, for table cells, legends and filters. */
export function GroupBadge({
  group,
  className,
  ...props
}: ComponentProps<"span"> & { group: ModelGroup }) {
  return (
    <span
      data-slot="group-badge"
      data-group={group}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap",
        className,
      )}
      {...props}
    >
      <GroupSwatch group={group} />
      {GROUP_LABELS[group]}
    </span>
  );
}
