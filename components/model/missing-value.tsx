import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { MISSING } from "@/lib/format";

/** "—" that says why on hover and keyboard focus (and to screen readers). */
export function MissingValue({ why }: { why: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          tabIndex={0}
          className="cursor-default rounded-sm text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
        >
          {MISSING}
          <span className="sr-only"> ({why})</span>
        </span>
      </TooltipTrigger>
      <TooltipContent>{why}</TooltipContent>
    </Tooltip>
  );
}
