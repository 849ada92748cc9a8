import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * Plain styled <table> parts, dense by default. A table that may scroll sideways and holds nothing
 * focusable takes `scrollLabel`: its container is then a labelled, focusable region, so keyboard
 * users can scroll it. Numbers: pass `numeric` to TableHead/TableCell
 * (right-aligned, tabular figures). Sticky header/first column: give the container a max height
 * (`containerClassName="max-h-[70vh]"`) and add `sticky top-0` / `sticky left-0 bg-background`.
 */
export function Table({
  className,
  containerClassName,
  scrollLabel,
  ...props
}: ComponentProps<"table"> & { containerClassName?: string; scrollLabel?: string }) {
  const region = scrollLabel
    ? ({ tabIndex: 0, role: "region", "aria-label": scrollLabel } as const)
    : {};
  return (
    <div
      data-slot="table-container"
      {...region}
      className={cn(
        "relative w-full overflow-auto",
        scrollLabel && "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        containerClassName,
      )}
    >
      <table
        data-slot="table"
        className={cn("w-full caption-bottom border-collapse text-sm", className)}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return (
    <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />
  );
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", className)}
      {...props}
    />
  );
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        "border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted",
        className,
      )}
      {...props}
    />
  );
}

type CellExtras = { /** Right-aligned with tabular figures. */ numeric?: boolean };

export function TableHead({ className, numeric, ...props }: ComponentProps<"th"> & CellExtras) {
  return (
    <th
      data-slot="table-head"
      data-numeric={numeric || undefined}
      className={cn(
        "h-8 px-2 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground",
        numeric && "text-right tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: ComponentProps<"td"> & CellExtras) {
  return (
    <td
      data-slot="table-cell"
      data-numeric={numeric || undefined}
      className={cn(
        "px-2 py-1.5 align-middle",
        numeric && "text-right whitespace-nowrap tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("mt-3 text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}
