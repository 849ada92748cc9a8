/**
 * The one shape every table export is built from: the columns and the rows exactly as a table
 * shows them (same order, same text: "71.4 (69.8–73.0)", "—" for missing), plus what the file
 * needs to say where it came from (title, snapshot, synthetic demo data).
 *
 * Plain TypeScript (no React, no DOM, no Node): server pages build models for their tables, client
 * tables build them from what they render, and csv.ts / json.ts / latex.ts turn them into files.
 */

export type ColumnAlign = "left" | "right";

export interface ExportColumn {
  /** Stable key (JSON record key); unique within the table. */
  id: string;
  /** The header as shown. */
  label: string;
  /** "right" for numbers (LaTeX `r`), "left" for text (LaTeX `l`). */
  align: ColumnAlign;
}

export interface TableModel {
  /** What the table shows, e.g. "Ranking on MedQA (Medmarks-V)". */
  title: string;
  columns: ExportColumn[];
  /** One string per column, in column order, as shown on screen. */
  rows: string[][];
  snapshot: { id: string; /** ISO timestamp or date. */ createdAt: string };
  synthetic: boolean;
  /** Site path of the view the table is on (e.g. "/benchmarks/medqa"); absolute in the file when known. */
  path?: string;
  /** File name stem, e.g. "medmarks-medqa-ranking" (snapshot and extension are added). */
  filename: string;
}

export type ExportFormat = "csv" | "json" | "tex";

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  json: "application/json",
  tex: "application/x-tex;charset=utf-8",
};

/** A column (`align` defaults to left). */
export function col(id: string, label: string, align: ColumnAlign = "left"): ExportColumn {
  return { id, label, align };
}

/** Throws when a row's length differs from the column count: a model must be a rectangle. */
export function checkModel(model: Pick<TableModel, "columns" | "rows">): void {
  const ids = new Set<string>();
  for (const c of model.columns) {
    if (ids.has(c.id)) throw new Error(`duplicate export column id "${c.id}"`);
    ids.add(c.id);
  }
  model.rows.forEach((r, i) => {
    if (r.length !== model.columns.length) throw new Error(`export row ${i + 1} has ${r.length} cells for ${model.columns.length} columns`);
  });
}

/** The snapshot's calendar date (YYYY-MM-DD, UTC) from an ISO timestamp or date. */
export function snapshotDate(createdAt: string): string {
  const d = new Date(createdAt);
  return Number.isNaN(d.getTime()) ? createdAt.slice(0, 10) : d.toISOString().slice(0, 10);
}

/** e.g. `medmarks-medqa-ranking-3f9a1c2e0b4d.tex` (demo data says so in the name). */
export function exportFilename(model: Pick<TableModel, "filename" | "snapshot" | "synthetic">, ext: ExportFormat): string {
  const stem = model.filename.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "medmarks-table";
  const snap = model.snapshot.id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 12) || "snapshot";
  return `${stem}-${snap}${model.synthetic ? "-synthetic-demo" : ""}.${ext}`;
}

/** "Medmarks Explorer · snapshot <id> · <date> · synthetic demo data": where a file came from. */
export function provenanceLine(model: Pick<TableModel, "snapshot" | "synthetic">): string {
  const parts = ["Medmarks Explorer", `snapshot ${model.snapshot.id}`, snapshotDate(model.snapshot.createdAt)];
  if (model.synthetic) parts.push("synthetic demo data");
  return parts.join(" · ");
}
