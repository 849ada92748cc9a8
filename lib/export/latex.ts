/**
 * A table model as a LaTeX table for papers: booktabs rules (\toprule, \midrule, \bottomrule),
 * `l` columns for text and `r` for numbers, the cells as shown on screen with LaTeX's specials
 * escaped and the site's typography spelled the LaTeX way ("71.4 (69.8–73.0)" becomes
 * "71.4 (69.8--73.0)", "−" becomes "$-$", "—" becomes "---"), and a caption that names the snapshot
 * (and says "synthetic demo data" when it is). Needs `\usepackage{booktabs}`; pdfLaTeX-safe: the
 * only non-ASCII left is what the names themselves contain.
 */
import { checkModel, provenanceLine, snapshotDate, type TableModel } from "./table-model";

const REPLACEMENTS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
  "\u2013": "--", // en dash (intervals)
  "\u2014": "---", // em dash (missing value)
  "\u2212": "$-$", // minus sign
  "\u2026": "\\ldots{}",
  "\u00b7": "\\textperiodcentered{}",
  "\u00d7": "$\\times$",
  "\u00b1": "$\\pm$",
  "\u2264": "$\\leq$",
  "\u2265": "$\\geq$",
  "\u0394": "$\\Delta$",
  "\u2192": "$\\rightarrow$",
  "\u201c": "``",
  "\u201d": "''",
  "\u2018": "`",
  "\u2019": "'",
  "\u00a0": "~",
  "\u202f": "\\,",
};

const SPECIALS = new RegExp(`[${Object.keys(REPLACEMENTS).map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}]`, "g");

/** Text for LaTeX: specials escaped, the site's dashes, minus and symbols in LaTeX spelling, line breaks as spaces. */
export function escapeLatex(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(SPECIALS, (c) => REPLACEMENTS[c]);
}

/** A comment line (no escaping needed, only no line breaks). */
const comment = (text: string) => `% ${text.replace(/[\r\n]+/g, " ")}`;

/** The caption: the title, then "Medmarks Explorer, snapshot <id> (<date>)" and "synthetic demo data" when it is. */
export function latexCaption(model: Pick<TableModel, "title" | "snapshot" | "synthetic">): string {
  const title = escapeLatex(model.title.replace(/[.\s]+$/, ""));
  const demo = model.synthetic ? "; synthetic demo data, not real model results" : "";
  return `${title}. Medmarks Explorer, snapshot \\texttt{${escapeLatex(model.snapshot.id)}} (${snapshotDate(model.snapshot.createdAt)})${demo}.`;
}

/** The whole `table` environment (with a leading comment saying where it came from). */
export function toLatex(model: TableModel, origin?: string): string {
  checkModel(model);
  const spec = model.columns.map((c) => (c.align === "right" ? "r" : "l")).join("");
  const line = (cells: string[]) => `    ${cells.map(escapeLatex).join(" & ")} \\\\`;
  const label = `tab:${model.filename.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "medmarks"}`;
  const out = [
    comment(model.title),
    comment(provenanceLine(model)),
    ...(model.path ? [comment(`${origin ?? ""}${model.path}`)] : []),
    comment("Needs \\usepackage{booktabs}."),
    "\\begin{table}[htbp]",
    "  \\centering",
    `  \\caption{${latexCaption(model)}}`,
    `  \\label{${label}}`,
    `  \\begin{tabular}{${spec || "l"}}`,
    "    \\toprule",
    line(model.columns.map((c) => c.label)),
    "    \\midrule",
    ...model.rows.map(line),
    "    \\bottomrule",
    "  \\end{tabular}",
    "\\end{table}",
  ];
  return out.join("\n") + "\n";
}
