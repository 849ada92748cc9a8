import { describe, expect, it } from "vitest";
import { composeFigureSvg, escapeXml, figureFilename, footerText, layoutLegend } from "./export-svg";

const base = {
  title: "Medmarks-V: win rate vs output tokens",
  chartInner: `<svg width="400" height="300"><circle cx="10" cy="10" r="3"/></svg>`,
  width: 400,
  height: 300,
  url: "http://localhost:3000/efficiency?board=V",
  snapshotId: "abc123def456789",
  date: "2026-11-26",
};

describe("composeFigureSvg", () => {
  it("carries the title, the chart, the legend and a footer with URL, snapshot and date", () => {
    const svg = composeFigureSvg({ ...base, subtitle: "log x", legend: [{ label: "proprietary", color: "#123456", shape: "dot" }] });
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg).toContain(">Medmarks-V: win rate vs output tokens</text>");
    expect(svg).toContain(">log x</text>");
    expect(svg).toContain(`<circle cx="10" cy="10" r="3"/>`);
    expect(svg).toContain(`fill="#123456"`);
    expect(svg).toContain(">proprietary</text>");
    expect(svg).toContain("http://localhost:3000/efficiency?board=V · snapshot abc123def456789 · 2026-11-26");
    // The document is well-formed enough for an XML parser: every opened tag is closed.
    expect((svg.match(/<svg/g) ?? []).length).toBe((svg.match(/<\/svg>/g) ?? []).length);
  });

  it("says synthetic in the footer for demo data", () => {
    expect(footerText({ ...base, synthetic: true })).toMatch(/· synthetic demo data$/);
    expect(footerText(base)).not.toMatch(/synthetic/);
  });

  it("escapes hostile titles and legend labels (model names are data)", () => {
    const svg = composeFigureSvg({ ...base, title: `<script>alert(1)</script>`, legend: [{ label: `a"b<c>&`, color: `red" onload="x` }] });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain("a&quot;b&lt;c&gt;&amp;");
    expect(svg).not.toContain(`onload="x`);
    expect(escapeXml(`'`)).toBe("&apos;");
  });

  it("grows the canvas to fit the chart and stacks title, chart, legend, footer downwards", () => {
    const svg = composeFigureSvg({ ...base, legend: [{ label: "x", color: "#000" }] });
    const width = Number(/<svg xmlns="[^"]+" width="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg xmlns="[^"]+" width="\d+" height="(\d+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThanOrEqual(400 + 32);
    expect(height).toBeGreaterThan(300 + 40);
    const chartY = Number(/translate\([\d.]+,(\d+)\)/.exec(svg)![1]);
    const footerY = Number(/<text x="16" y="(\d+)" font-size="10"/.exec(svg)![1]);
    expect(chartY).toBeGreaterThan(16);
    expect(footerY).toBeGreaterThan(chartY + 300);
  });
});

describe("layoutLegend", () => {
  it("wraps items onto new rows when a row is full", () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ label: `group number ${i}`, color: "#000" }));
    const rows = layoutLegend(items, 300);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.flat().map((r) => r.item.label)).toEqual(items.map((i) => i.label));
    for (const row of rows) expect(row[0].x).toBe(0);
    expect(layoutLegend([], 300)).toEqual([]);
  });
});

describe("figureFilename", () => {
  it("slugs the title and shortens the snapshot id", () => {
    expect(figureFilename("Medmarks-V: win rate!", "0123456789abcdef", "png")).toBe("medmarks-medmarks-v-win-rate-0123456789ab.png");
    expect(figureFilename("???", "s", "svg")).toBe("medmarks-figure-s.svg");
  });
});
