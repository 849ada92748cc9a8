import type { ComponentProps } from "react";
import { Columns3Icon } from "lucide-react";

import { Button } from "@/components/ui/button";

export interface ColumnChoice {
  id: string;
  label: string;
  visible: boolean;
}

/** The "Columns" button: the column chooser's trigger, and its stand-in while the menu code loads. */
export function ColumnsButton({ hiddenCount, ...props }: ComponentProps<typeof Button> & { hiddenCount: number }) {
  return (
    <Button variant="outline" size="sm" {...props}>
      <Columns3Icon aria-hidden="true" />
      Columns
      {hiddenCount > 0 ? <span className="text-muted-foreground tabular-nums">({hiddenCount} hidden)</span> : null}
    </Button>
  );
}
