/**
 * Browser half of figure export: clone a live chart <svg> with the computed styles it renders with
 * (so CSS variables and Tailwind classes survive outside the page), compose the figure
 * (export-svg.ts) and download it as SVG, or rasterise it to PNG at 2x.
 */
import { downloadText } from "@/components/leaderboard/export";
import { composeFigureSvg, figureFilename, type FigureMeta } from "./export-svg";

/** Presentation properties worth copying from computed style onto each cloned element. */
const PROPS = [
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "opacity",
  "font-size", "font-weight", "font-family", "text-anchor", "dominant-baseline", "visibility",
] as const;
const COLOR_PROPS = new Set(["fill", "stroke", "color", "stop-color"]);

// Colours as plain rgb(): computed styles may say lab()/oklch(), which SVG tools outside browsers
// do not read. Painting one pixel and reading it back gives the sRGB value whatever the syntax.
let colorCanvas: CanvasRenderingContext2D | null = null;
const colorCache = new Map<string, string>();

function toRgb(color: string): string {
  if (!color || color === "none" || /^(rgb|#|url\()/i.test(color) || color === "transparent") return color;
  const hit = colorCache.get(color);
  if (hit) return hit;
  colorCanvas ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!colorCanvas) return color;
  colorCanvas.clearRect(0, 0, 1, 1);
  colorCanvas.fillStyle = "#000";
  colorCanvas.fillStyle = color;
  colorCanvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = colorCanvas.getImageData(0, 0, 1, 1).data;
  const rgb = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${+(a / 255).toFixed(3)})`;
  colorCache.set(color, rgb);
  return rgb;
}

/**
 * Copy onto `target` (a clone of `source`) the computed presentation properties that differ from
 * its parent's (inheritance carries the rest), with colours as rgb(); drop classes and any
 * attribute that refers to a CSS variable, which means nothing outside the page.
 */
function inlineStyles(source: Element, target: Element, parent: Map<string, string> | null): void {
  const cs = getComputedStyle(source);
  const own = new Map<string, string>();
  const decl: string[] = [];
  for (const p of PROPS) {
    let v = cs.getPropertyValue(p);
    if (COLOR_PROPS.has(p)) v = toRgb(v);
    own.set(p, v);
    if (v && v !== parent?.get(p)) decl.push(`${p}:${v}`);
  }
  for (const attr of [...target.attributes]) {
    if (attr.value.includes("var(") || attr.name === "class" || attr.name === "style") target.removeAttribute(attr.name);
  }
  if (decl.length) target.setAttribute("style", decl.join(";"));
  const s = source.children;
  const t = target.children;
  for (let i = 0; i < s.length && i < t.length; i++) inlineStyles(s[i], t[i], own);
}

/** The chart's own <svg>: the largest recharts surface (or any svg) inside `root`. */
export function findChartSvg(root: HTMLElement): SVGSVGElement | null {
  const all = [...root.querySelectorAll<SVGSVGElement>("svg.recharts-surface, svg[data-chart]")];
  const candidates = all.length ? all : [...root.querySelectorAll<SVGSVGElement>("svg")];
  let best: SVGSVGElement | null = null;
  let area = -1;
  for (const svg of candidates) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > area) {
      best = svg;
      area = r.width * r.height;
    }
  }
  return best;
}

/** A CSS colour as the browser resolves it (so `var(--group-medical)` exports as its value). */
function resolveColor(color: string, within: HTMLElement): string {
  if (!/var\(|currentcolor/i.test(color)) return toRgb(color);
  const probe = document.createElement("span");
  probe.style.color = color;
  probe.style.display = "none";
  within.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return toRgb(resolved || color);
}

export function figureSvg(root: HTMLElement, meta: FigureMeta): string {
  const svg = findChartSvg(root);
  if (!svg) throw new Error("no chart to export");
  const rect = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, null);
  const cs = getComputedStyle(root);
  return composeFigureSvg({
    ...meta,
    legend: meta.legend?.map((l) => ({ ...l, color: resolveColor(l.color, root) })),
    chartInner: `<svg width="${rect.width}" height="${rect.height}" viewBox="0 0 ${rect.width} ${rect.height}">${clone.innerHTML}</svg>`,
    width: rect.width,
    height: rect.height,
    foreground: toRgb(cs.color) || undefined,
    background: toRgb(getComputedStyle(document.body).backgroundColor) || undefined,
    fontFamily: cs.fontFamily || undefined,
  });
}

export function downloadFigureSvg(root: HTMLElement, meta: FigureMeta): void {
  downloadText(figureFilename(meta.title, meta.snapshotId, "svg"), figureSvg(root, meta), "image/svg+xml");
}

/** Rasterise the figure at `scale` (2 = print quality) and download it as PNG. */
export async function downloadFigurePng(root: HTMLElement, meta: FigureMeta, scale = 2): Promise<void> {
  const text = figureSvg(root, meta);
  const w = Number(/width="([\d.]+)"/.exec(text)?.[1] ?? 800);
  const h = Number(/height="([\d.]+)"/.exec(text)?.[1] ?? 600);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the figure could not be rasterised"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/png"));
    if (!blob) throw new Error("PNG encoding failed");
    const a = document.createElement("a");
    const pngUrl = URL.createObjectURL(blob);
    a.href = pngUrl;
    a.download = figureFilename(meta.title, meta.snapshotId, "png");
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(pngUrl), 0);
  } finally {
    URL.revokeObjectURL(url);
  }
}
