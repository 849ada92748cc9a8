/**
 * A table model as JSON: where it came from (title, view, snapshot, synthetic), the columns (id,
 * label, alignment) in order, and one record per row keyed by column id, values as shown.
 * Records keep the column order, so `Object.values(record)` is the row as on screen.
 */
import { checkModel, snapshotDate, type ExportColumn, type TableModel } from "./table-model";

export interface TableJson {
  title: string;
  source: { name: "Medmarks Explorer"; url: string | null };
  snapshot: { id: string; date: string };
  synthetic: boolean;
  columns: ExportColumn[];
  rows: Record<string, string>[];
}

/** The model as a JSON document; `origin` (e.g. "https://host") makes the view's path absolute. */
export function toTableJson(model: TableModel, origin?: string): TableJson {
  checkModel(model);
  return {
    title: model.title,
    source: { name: "Medmarks Explorer", url: model.path ? `${origin ?? ""}${model.path}` : null },
    snapshot: { id: model.snapshot.id, date: snapshotDate(model.snapshot.createdAt) },
    synthetic: model.synthetic,
    columns: model.columns.map((c) => ({ ...c })),
    rows: model.rows.map((r) => Object.fromEntries(model.columns.map((c, i) => [c.id, r[i]]))),
  };
}

/** The JSON document as text (2-space indent, trailing newline). */
export function toJson(model: TableModel, origin?: string): string {
  return JSON.stringify(toTableJson(model, origin), null, 2) + "\n";
}
