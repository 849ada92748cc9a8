import Link from "next/link";

import { TableExportMenu } from "@/components/export/table-export-menu";
import { medicalPairsModel } from "@/components/export/table-models";
import { DeltaText } from "@/components/model/delta-text";
import { DELTA_COLORS } from "@/components/model/delta-tone";
import { MissingValue } from "@/components/model/missing-value";
import { compareHref } from "@/components/model/params";
import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatInterval, formatPercent } from "@/lib/format";
import { BASE_PICK_LABELS, type MedicalConfigRef, type MedicalView } from "@/lib/queries/medical";
import { cn } from "@/lib/utils";

import { medicalHref } from "./params";

const configHref = (slug: string) => `/models/${encodeURIComponent(slug)}?board=`;

function Name({ c, board }: { c: MedicalConfigRef; board: MedicalView["board"] }) {
  return (
    <div>
      <div className="flex flex-wrap items-center gap-1.5">
        <Link href={`${configHref(c.config)}${board}`} className="font-medium underline-offset-4 hover:underline">
          {c.displayName}
        </Link>
        {c.group ? <GroupBadge group={c.group} className="px-1 py-0 text-[10px]" /> : null}
      </div>
      <div className="text-[11px] text-muted-foreground">
        <span className="font-mono">{c.config}</span> · rank {c.rank}
      </div>
    </div>
  );
}

/** One line per (fine-tune, base) pair: win rates, their difference, head to head, benchmarks better / worse; CSV/JSON/LaTeX export. */
export function PairsTable({ view, selected, pinned = null }: { view: MedicalView; selected: string | null; /** The snapshot the URL pins: pair links keep it. */ pinned?: string | null }) {
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <TableExportMenu model={medicalPairsModel(view)} />
      </div>
      <Table data-testid="medical-pairs" containerClassName="rounded-lg border">
        <caption className="sr-only">Medical fine-tunes on Medmarks-{view.board} beside their generalist base configurations.</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="sticky left-0 z-10 min-w-52 border-r bg-background">Medical fine-tune</TableHead>
            <TableHead className="min-w-52">Generalist base</TableHead>
            <TableHead numeric title="The fine-tune's weighted mean win rate on the board (95% bootstrap interval)">
              Win rate fine-tune %
            </TableHead>
            <TableHead numeric title="The base's weighted mean win rate on the board (95% bootstrap interval)">
              Win rate base %
            </TableHead>
            <TableHead numeric title="Fine-tune minus base, board win rates">
              Δ win rate
            </TableHead>
            <TableHead numeric title="Weighted mean share of questions the fine-tune wins against the base directly (ties half)">
              Head to head
            </TableHead>
            <TableHead numeric title="Mean over the shared benchmarks of fine-tune score minus base score">
              Mean Δ score
            </TableHead>
            <TableHead numeric title={`Benchmarks where the fine-tune is significantly better / worse (Holm-adjusted p < ${view.alpha}) of those both ran`}>
              Better / worse / of
            </TableHead>
            <TableHead>
              <span className="sr-only">Links</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.pairs.map((p) => {
            const active = p.fineTune.config === selected;
            return (
              <TableRow key={p.fineTune.config} data-testid={`pair-${p.fineTune.config}`} className={cn(active && "bg-muted/60")} aria-current={active ? "true" : undefined}>
                <TableCell className={cn("sticky left-0 z-10 min-w-52 border-r bg-background", active && "bg-muted")}>
                  <Name c={p.fineTune} board={view.board} />
                </TableCell>
                <TableCell className="min-w-52">
                  <Name c={p.base} board={view.board} />
                  <div className="text-[11px] text-muted-foreground">picked: {BASE_PICK_LABELS[p.pick]}</div>
                </TableCell>
                <TableCell numeric>{formatInterval(p.fineTune.winRate, p.fineTune.winRateCi?.lo, p.fineTune.winRateCi?.hi)}</TableCell>
                <TableCell numeric>{formatInterval(p.base.winRate, p.base.winRateCi?.lo, p.base.winRateCi?.hi)}</TableCell>
                <TableCell numeric>
                  <DeltaText delta={p.winRateDelta} />
                </TableCell>
                <TableCell numeric>
                  {p.headToHead === null ? <MissingValue why="The two share no scored dataset" /> : formatPercent(p.headToHead)}
                </TableCell>
                <TableCell numeric>
                  <DeltaText delta={p.meanDelta} why="No benchmark scored for both" />
                </TableCell>
                <TableCell numeric>
                  <span className="font-medium" style={{ color: p.better ? DELTA_COLORS.positive : undefined }}>
                    {formatInt(p.better)}
                  </span>
                  {" / "}
                  <span className="font-medium" style={{ color: p.worse ? DELTA_COLORS.negative : undefined }}>
                    {formatInt(p.worse)}
                  </span>
                  {" / "}
                  {formatInt(p.nBenchmarks)}
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap">
                  <Link href={medicalHref({ board: view.board, pair: p.fineTune.config, snapshot: pinned }, "pair")} className="underline underline-offset-4" aria-current={active ? "true" : undefined}>
                    Benchmarks
                  </Link>
                  {" · "}
                  <Link href={compareHref([p.fineTune.config, p.base.config])} prefetch={false} className="underline underline-offset-4">
                    Compare
                  </Link>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
