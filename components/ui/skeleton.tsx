import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * A placeholder block shaped like the content it stands for. Hidden from assistive tech: put an
 * accessible "Loading …" label (e.g. `aria-busy` + sr-only text) on the surrounding region.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
