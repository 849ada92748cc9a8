import { describe, expect, it } from "vitest";

import { csvCell, toCsv } from "./csv";
import { toJson, toTableJson } from "./json";
import { escapeLatex, latexCaption, toLatex } from "./latex";
import { checkModel, col, exportFilename, type TableModel } from "./table-model";

const model: TableModel = {
  title: "Ranking on MedQA (Medmarks-V)",
  columns: [col("rank", "Rank", "right"), col("config", "Configuration"), col("score", "Score % (95% CI)", "right"), col("delta", "Δ to median", "right")],
  rows: [
    ["1", "GPT-5 (high)", "71.4 (69.8–73.0)", "+1.2 pp"],
    ["2", 'Acme "Local", v2', "−3.0 (−4.1 – −1.9)", "−0.4 pp"],
    ["3", "R&D_model #1 {x} ~ ^ \\ 50% $", "—", "—"],
  ],
  snapshot: { id: "0123456789abcdef", createdAt: "2025-11-26T14:03:00.000Z" },
  synthetic: true,
  path: "/benchmarks/medqa",
  filename: "medmarks-medqa-ranking",
};

/** Minimal RFC 4180 reader for round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("csv", () => {
  it("quotes commas, quotes, line breaks and edge spaces (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rx")).toBe('"cr\rx"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("71.4 (69.8–73.0)")).toBe("71.4 (69.8–73.0)");
  });

  it("guards formulas but leaves numbers as shown alone", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1.2 pp")).toBe("+1.2 pp");
    expect(csvCell("-3")).toBe("-3");
    expect(csvCell("+12,751")).toBe('"+12,751"'); // quoted for the comma, not guarded
    expect(csvCell("−0.4 pp")).toBe("−0.4 pp"); // U+2212 is not a formula sign
  });

  it("writes the header labels and the rows as shown, in order, CRLF-terminated", () => {
    const csv = toCsv(model);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[0]).toBe("Rank,Configuration,Score % (95% CI),Δ to median");
    expect(parseCsv(csv)).toEqual([model.columns.map((c) => c.label), ...model.rows]);
  });

  it("rejects a ragged model", () => {
    expect(() => toCsv({ columns: model.columns, rows: [["1"]] })).toThrow(/row 1 has 1 cells for 4 columns/);
    expect(() => checkModel({ columns: [col("a", "A"), col("a", "B")], rows: [] })).toThrow(/duplicate/);
  });
});

describe("json", () => {
  it("keys each record by column id in column order, with where it came from", () => {
    const doc = toTableJson(model, "https://example.org");
    expect(doc.source.url).toBe("https://example.org/benchmarks/medqa");
    expect(doc.snapshot).toEqual({ id: "0123456789abcdef", date: "2025-11-26" });
    expect(doc.synthetic).toBe(true);
    expect(doc.columns.map((c) => c.id)).toEqual(["rank", "config", "score", "delta"]);
    expect(doc.rows).toHaveLength(3);
    expect(Object.values(doc.rows[1])).toEqual(model.rows[1]);
    expect(Object.keys(doc.rows[0])).toEqual(["rank", "config", "score", "delta"]);
    expect(JSON.parse(toJson(model))).toEqual({ ...doc, source: { ...doc.source, url: "/benchmarks/medqa" } });
  });
});

describe("latex", () => {
  it("escapes every LaTeX special", () => {
    expect(escapeLatex("& % $ # _ { } ~ ^ \\")).toBe("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
    expect(escapeLatex("a<b>c|d")).toBe("a\\textless{}b\\textgreater{}c\\textbar{}d");
    expect(escapeLatex("two\nlines")).toBe("two lines");
  });

  it("writes intervals, minus signs and missing values the LaTeX way", () => {
    expect(escapeLatex("71.4 (69.8–73.0)")).toBe("71.4 (69.8--73.0)");
    expect(escapeLatex("−3.0 (−4.1 – −1.9)")).toBe("$-$3.0 ($-$4.1 -- $-$1.9)");
    expect(escapeLatex("—")).toBe("---");
    expect(escapeLatex("Δ to median")).toBe("$\\Delta$ to median");
    expect(escapeLatex("Win rate % (95% CI)")).toBe("Win rate \\% (95\\% CI)");
  });

  it("is a booktabs table: rules in order, one line per row, l/r alignment, caption with the snapshot", () => {
    const tex = toLatex(model, "https://example.org");
    const lines = tex.trimEnd().split("\n");
    expect(tex).toContain("\\begin{tabular}{rlrr}");
    const top = lines.findIndex((l) => l.trim() === "\\toprule");
    const mid = lines.findIndex((l) => l.trim() === "\\midrule");
    const bottom = lines.findIndex((l) => l.trim() === "\\bottomrule");
    expect(top).toBeGreaterThan(0);
    expect(mid).toBe(top + 2);
    expect(bottom).toBe(mid + model.rows.length + 1);
    expect(lines[top + 1].trim()).toBe("Rank & Configuration & Score \\% (95\\% CI) & $\\Delta$ to median \\\\");
    expect(lines[mid + 1].trim()).toBe("1 & GPT-5 (high) & 71.4 (69.8--73.0) & +1.2 pp \\\\");
    expect(lines[mid + 2].trim()).toBe('2 & Acme "Local", v2 & $-$3.0 ($-$4.1 -- $-$1.9) & $-$0.4 pp \\\\');
    expect(lines[mid + 3].trim()).toBe(
      "3 & R\\&D\\_model \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} 50\\% \\$ & --- & --- \\\\",
    );
    expect(tex).toContain("\\caption{Ranking on MedQA (Medmarks-V). Medmarks Explorer, snapshot \\texttt{0123456789abcdef} (2025-11-26); synthetic demo data, not real model results.}");
    expect(tex).toContain("\\label{tab:medmarks-medqa-ranking}");
    expect(tex).toContain("% https://example.org/benchmarks/medqa");
    expect(tex).toMatch(/^\\begin\{table\}\[htbp\]$/m);
    expect(tex.trimEnd().endsWith("\\end{table}")).toBe(true);
    // Every data line has as many cells as columns (no unescaped & inside a cell).
    for (const l of lines.slice(mid + 1, bottom)) expect(l.split(/(?<!\\)&/).length).toBe(model.columns.length);
  });

  it("says nothing about demo data for real data, and keeps an empty table valid", () => {
    expect(latexCaption({ ...model, synthetic: false })).not.toMatch(/synthetic/);
    const tex = toLatex({ ...model, rows: [] });
    expect(tex).toMatch(/\\midrule\n\s*\\bottomrule/);
  });
});

describe("exportFilename", () => {
  it("names the table, the snapshot and demo data", () => {
    expect(exportFilename(model, "tex")).toBe("medmarks-medqa-ranking-0123456789ab-synthetic-demo.tex");
    expect(exportFilename({ ...model, synthetic: false, filename: "Medmarks / V board!" }, "csv")).toBe("medmarks-v-board-0123456789ab.csv");
  });
});
