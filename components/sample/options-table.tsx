import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MISSING } from "@/lib/format";
import type { SampleOptions } from "@/lib/queries/sample";
import { PlainText } from "./plain-text";

/** The options as displayed, gold and chosen marked (in words, not colour alone), with original positions for shuffled orders. */
export function OptionsTable({ options }: { options: SampleOptions }) {
  const showOriginal = options.shuffled;
  return (
    <Table data-testid="options-table" containerClassName="rounded-md border">
      <TableHeader>
        <TableRow>
          <TableHead>Label</TableHead>
          <TableHead>Option</TableHead>
          {showOriginal ? (
            <TableHead numeric title="Where this option sat in the original answer order">
              Original position
            </TableHead>
          ) : null}
          <TableHead>Marks</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {options.rows.map((o) => (
          <TableRow key={o.label} data-state={o.chosen ? "selected" : undefined}>
            <TableCell className="font-mono font-medium">{o.label}</TableCell>
            <TableCell className="max-w-2xl">
              <PlainText text={o.text} />
            </TableCell>
            {showOriginal ? (
              <TableCell numeric>
                {o.originalPosition === null ? (
                  <span title="No option with this text in the original-order row">{MISSING}</span>
                ) : (
                  `${o.originalLabel} (#${o.originalPosition})`
                )}
              </TableCell>
            ) : null}
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {o.gold ? <Badge variant="secondary">✓ gold</Badge> : null}
                {o.chosen ? <Badge variant={o.gold ? "default" : "destructive"}>chosen</Badge> : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
