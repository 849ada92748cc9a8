"use client";

/**
 * "Export ▾" for a table: CSV, JSON or LaTeX (booktabs) of exactly the rows and columns the table
 * shows, in its order, with the text as shown (lib/export). The model is built where the table is
 * rendered (components/export/table-models.ts), so the file and the table cannot drift apart.
 */
import { useState } from "react";
import { ChevronDownIcon, DownloadIcon, FileCodeIcon, FileJsonIcon, FileSpreadsheetIcon } from "lucide-react";

import { downloadText } from "@/components/leaderboard/export";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toCsv } from "@/lib/export/csv";
import { toJson } from "@/lib/export/json";
import { toLatex } from "@/lib/export/latex";
import { EXPORT_MIME, exportFilename, type ExportFormat, type TableModel } from "@/lib/export/table-model";
import { cn } from "@/lib/utils";

const FORMATS: { format: ExportFormat; label: string; hint: string; Icon: typeof FileSpreadsheetIcon }[] = [
  { format: "csv", label: "CSV", hint: "spreadsheets", Icon: FileSpreadsheetIcon },
  { format: "json", label: "JSON", hint: "records keyed by column", Icon: FileJsonIcon },
  { format: "tex", label: "LaTeX", hint: "booktabs table for papers", Icon: FileCodeIcon },
];

/** The file text of `model` in `format`, with the live page URL as its source. */
export function exportText(model: TableModel, format: ExportFormat, here?: { origin: string; path: string }): string {
  const m = here ? { ...model, path: here.path } : model;
  if (format === "csv") return toCsv(m);
  if (format === "json") return toJson(m, here?.origin);
  return toLatex(m, here?.origin);
}

export function TableExportMenu({ model, label = "Export", className }: { model: TableModel; label?: string; className?: string }) {
  const [error, setError] = useState<string | null>(null);
  const save = (format: ExportFormat) => {
    setError(null);
    try {
      const here = { origin: window.location.origin, path: window.location.pathname + window.location.search };
      downloadText(exportFilename(model, format), exportText(model, format, here), EXPORT_MIME[format]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={cn("inline-flex items-center gap-2", className)} data-testid="table-export">
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          Export failed: {error}
        </span>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" aria-label={`${label}: ${model.title} (${model.rows.length} rows as shown)`} data-testid="table-export-trigger">
            <DownloadIcon aria-hidden="true" />
            {label}
            <ChevronDownIcon aria-hidden="true" className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
            The {model.rows.length} row{model.rows.length === 1 ? "" : "s"} and {model.columns.length} columns shown
          </DropdownMenuLabel>
          {FORMATS.map(({ format, label: name, hint, Icon }) => (
            <DropdownMenuItem key={format} onSelect={() => save(format)} data-testid={`table-export-${format}`}>
              <Icon aria-hidden="true" />
              {name}
              <span className="ml-auto text-xs text-muted-foreground">{hint}</span>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
