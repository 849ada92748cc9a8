import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, MISSING } from "@/lib/format";
import type { BenchmarkView } from "@/lib/queries/benchmark";

/** The benchmark's variants (subtask × answer order × repeat) with question counts and published runs. Server component. */
export function BenchmarkVariants({ view }: { view: Pick<BenchmarkView, "slug" | "variants"> }) {
  return (
    <Table data-testid="benchmark-variants" className="max-w-3xl">
      <TableHeader>
        <TableRow>
          <TableHead>Variant</TableHead>
          <TableHead>Subtask</TableHead>
          <TableHead>Answer order</TableHead>
          <TableHead numeric>Questions</TableHead>
          <TableHead numeric>Published runs</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.variants.map((v) => (
          <TableRow key={`${v.envId}/${v.variantId}`}>
            <TableCell>
              <code className="text-xs">{v.variantId}</code>
              {v.envId !== view.slug ? <span className="ml-1.5 text-xs text-muted-foreground">({v.envId})</span> : null}
            </TableCell>
            <TableCell>
              <code className="text-xs">{v.subtask}</code>
            </TableCell>
            <TableCell>
              {v.orderSeed === null ? "original" : `shuffled, seed ${v.orderSeed}`}
              {v.repeat ? `, repeat ${v.repeat}` : ""}
            </TableCell>
            <TableCell numeric>
              {v.nQuestions === null ? <span title="Unknown: this benchmark is not in the catalog">{MISSING}</span> : formatInt(v.nQuestions)}
            </TableCell>
            <TableCell numeric>{v.hasRun ? formatInt(v.publishedRuns) : "none"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
