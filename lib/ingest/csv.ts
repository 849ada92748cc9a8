/** CSV encoding for PostgreSQL `COPY ... WITH (FORMAT csv)`: unquoted empty = NULL. */

export type CsvValue = unknown;

// PostgreSQL text and jsonb cannot hold NUL; model output occasionally contains it.
const NUL = /\u0000/g;

function field(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    return String(v);
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  const s = typeof v === "string" ? v : JSON.stringify(v).replace(/\\u0000/g, "");
  return `"${s.replace(NUL, "").replace(/"/g, '""')}"`;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(field).join(",") + "\n";
}
