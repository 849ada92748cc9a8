/**
 * Compose a stand-alone SVG figure from a rendered chart: title (and subtitle) above, the chart,
 * a legend drawn as SVG (recharts draws its legend as HTML, which an exported file would lose),
 * and a footer "URL · snapshot · date" (plus "synthetic demo data" when it is) so a figure pasted
 * into a paper says where it came from.
 *
 * Pure string building, no DOM: the browser part (cloning the live <svg> with its computed styles,
 * rasterising to PNG) is in download-chart.ts.
 */

export interface LegendItem {
  label: string;
  color: string;
  /** "dot" for scatter series, "bar" for bars (default), "line" for lines. */
  shape?: "dot" | "bar" | "line";
}

export interface FigureMeta {
  title: string;
  subtitle?: string;
  legend?: LegendItem[];
  /** Absolute URL of the view the figure reproduces. */
  url: string;
  snapshotId: string;
  /** ISO date (YYYY-MM-DD) of the snapshot or of the export. */
  date: string;
  synthetic?: boolean;
}

export interface ComposeInput extends FigureMeta {
  /** Inner markup of the chart's <svg> (children only), already style-inlined. */
  chartInner: string;
  width: number;
  height: number;
  /** Text and background colours of the theme the figure is exported in. */
  foreground?: string;
  background?: string;
  fontFamily?: string;
}

const PAD = 16;
const TITLE_SIZE = 16;
const SUB_SIZE = 12;
const LEGEND_SIZE = 12;
const FOOTER_SIZE = 10;
const LEGEND_ROW = 18;

/** Escape text for an SVG text node or attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Rough text width for layout (SVG has no measuring without a DOM); errs on the wide side. */
export function approxTextWidth(text: string, size: number): number {
  return Math.ceil(text.length * size * 0.6);
}

/** The footer line every exported figure carries. */
export function footerText(meta: Pick<FigureMeta, "url" | "snapshotId" | "date" | "synthetic">): string {
  const parts = [meta.url, `snapshot ${meta.snapshotId}`, meta.date];
  if (meta.synthetic) parts.push("synthetic demo data");
  return parts.join(" · ");
}

/** Lay legend items out left to right, wrapping at `width`; returns positions and total height. */
export function layoutLegend(items: LegendItem[], width: number): { x: number; y: number; item: LegendItem }[][] {
  const rows: { x: number; y: number; item: LegendItem }[][] = [];
  let row: { x: number; y: number; item: LegendItem }[] = [];
  let x = 0;
  for (const item of items) {
    const w = 14 + approxTextWidth(item.label, LEGEND_SIZE) + 16;
    if (row.length && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ x, y: rows.length * LEGEND_ROW, item });
    x += w;
  }
  if (row.length) rows.push(row);
  return rows;
}

function legendSwatch(item: LegendItem, x: number, y: number): string {
  const c = escapeXml(item.color);
  if (item.shape === "dot") return `<circle cx="${x + 5}" cy="${y - 4}" r="4.5" fill="${c}"/>`;
  if (item.shape === "line") return `<line x1="${x}" y1="${y - 4}" x2="${x + 10}" y2="${y - 4}" stroke="${c}" stroke-width="2"/>`;
  return `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${c}"/>`;
}

/** The whole figure as an SVG document string. */
export function composeFigureSvg(input: ComposeInput): string {
  const fg = escapeXml(input.foreground ?? "#111827");
  const bg = escapeXml(input.background ?? "#ffffff");
  const font = escapeXml(input.fontFamily ?? "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
  const footer = footerText(input);
  const width = Math.max(input.width, approxTextWidth(input.title, TITLE_SIZE), approxTextWidth(footer, FOOTER_SIZE)) + 2 * PAD;
  const inner = width - 2 * PAD;
  let y = PAD + TITLE_SIZE;
  const parts: string[] = [];
  parts.push(`<text x="${PAD}" y="${y}" font-size="${TITLE_SIZE}" font-weight="600" fill="${fg}">${escapeXml(input.title)}</text>`);
  if (input.subtitle) {
    y += SUB_SIZE + 6;
    parts.push(`<text x="${PAD}" y="${y}" font-size="${SUB_SIZE}" fill="${fg}" fill-opacity="0.75">${escapeXml(input.subtitle)}</text>`);
  }
  y += 10;
  parts.push(`<g transform="translate(${PAD + Math.max(0, (inner - input.width) / 2)},${y})">${input.chartInner}</g>`);
  y += input.height;
  const legendRows = layoutLegend(input.legend ?? [], inner);
  if (legendRows.length) {
    y += 8;
    for (const row of legendRows) {
      for (const { x, y: ry, item } of row) {
        const bx = PAD + x;
        const by = y + ry + LEGEND_SIZE;
        parts.push(legendSwatch(item, bx, by));
        parts.push(`<text x="${bx + 14}" y="${by}" font-size="${LEGEND_SIZE}" fill="${fg}">${escapeXml(item.label)}</text>`);
      }
    }
    y += legendRows.length * LEGEND_ROW;
  }
  y += 12 + FOOTER_SIZE;
  parts.push(`<text x="${PAD}" y="${y}" font-size="${FOOTER_SIZE}" fill="${fg}" fill-opacity="0.7">${escapeXml(footer)}</text>`);
  const height = y + PAD;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">` +
    `<title>${escapeXml(input.title)}</title>` +
    `<rect width="100%" height="100%" fill="${bg}"/>` +
    parts.join("") +
    `</svg>`
  );
}

/** A file name for the figure: `medmarks-<slug of title>-<snapshot>.svg`. */
export function figureFilename(title: string, snapshotId: string, ext: "svg" | "png"): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "figure";
  return `medmarks-${slug}-${snapshotId.slice(0, 12)}.${ext}`;
}
