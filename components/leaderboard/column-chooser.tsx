"use client";

import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ColumnsButton, type ColumnChoice } from "./columns-button";

export interface ColumnChooserProps {
  summary: ColumnChoice[];
  benchmarks: ColumnChoice[];
  hiddenCount: number;
  onToggle: (id: string, visible: boolean) => void;
  onBenchmarks: (visible: boolean) => void;
}

/**
 * The column chooser menu (Radix dropdown). Loaded after hydration (see leaderboard-table.tsx): the
 * menu code is not needed for the first paint, and ColumnsButton stands in until it is here.
 */
export function ColumnChooser({ summary, benchmarks, hiddenCount, onToggle, onBenchmarks }: ColumnChooserProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <ColumnsButton hiddenCount={hiddenCount} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Summary columns</DropdownMenuLabel>
        {summary.map((c) => (
          <DropdownMenuCheckboxItem key={c.id} checked={c.visible} onCheckedChange={(v) => onToggle(c.id, v === true)} onSelect={(e) => e.preventDefault()}>
            {c.label}
          </DropdownMenuCheckboxItem>
        ))}
        {benchmarks.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Benchmarks (average reward %)</DropdownMenuLabel>
            <DropdownMenuItem
              onSelect={(e) => {
                e.preventDefault();
                onBenchmarks(true);
              }}
            >
              Show all benchmarks
            </DropdownMenuItem>
            <DropdownMenuItem
              onSelect={(e) => {
                e.preventDefault();
                onBenchmarks(false);
              }}
            >
              Hide all benchmarks
            </DropdownMenuItem>
            {benchmarks.map((c) => (
              <DropdownMenuCheckboxItem key={c.id} checked={c.visible} onCheckedChange={(v) => onToggle(c.id, v === true)} onSelect={(e) => e.preventDefault()}>
                {c.label}
              </DropdownMenuCheckboxItem>
            ))}
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
