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
  let s: string;
  if (typeof v === "string") s = v.includes("\u0000") ? v.replace(NUL, "") : v;
  else {
    s = JSON.stringify(v);
    if (s.includes("\\u0000")) s = s.replace(/\\u0000/g, "");
  }
  return `"${s.replaceAll('"', '""')}"`;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(field).join(",") + "\n";
}
