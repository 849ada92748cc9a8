"use client";

import { FileSpreadsheetIcon } from "lucide-react";

import { downloadText } from "@/components/leaderboard/export";
import { Button } from "@/components/ui/button";

/** Saves the comparison table (CSV text built on the server) as a file. */
export function ExportCsvButton({ filename, csv }: { filename: string; csv: string }) {
  return (
    <Button variant="outline" size="sm" onClick={() => downloadText(filename, csv, "text/csv;charset=utf-8")} data-testid="compare-export-csv">
      <FileSpreadsheetIcon aria-hidden="true" />
      CSV
    </Button>
  );
}
