/**
 * A table model as CSV, RFC 4180: comma separated, CRLF line ends, one header line (the column
 * labels as shown), then one line per row with the cells as shown. A field is quoted ("…", inner
 * quotes doubled) when it holds a comma, quote, CR or LF, or starts or ends with a space.
 *
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe (OWASP CSV injection), except numbers as the site writes them ("+1.2 pp", "-3",
 * "71.4%"), which cannot call anything and stay exactly as shown.
 */
import { checkModel, type TableModel } from "./table-model";

/** A number as shown: optional sign, digits with separators and decimals, an optional unit. */
const SHOWN_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?( ?(%|pp|s|k|M|B))?$/;

/** One CSV field. */
export function csvCell(value: string): string {
  let s = value;
  if (/^[=+\-@\t\r]/.test(s) && !SHOWN_NUMBER.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The model as CSV text (no BOM: `downloadText` adds one for spreadsheets). */
export function toCsv(model: Pick<TableModel, "columns" | "rows">): string {
  checkModel(model);
  const lines = [model.columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of model.rows) lines.push(row.map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}
