import { describe, expect, it } from "vitest";

import { toLatex } from "@/lib/export/latex";

import { buildFixtureLeaderboardView } from "./fixture";
import { csvField, exportFields, exportFilename, leaderboardTableModel, toCsv, toExportJson, toLeaderboardLatex } from "./export";
import { benchmarkColumnId } from "./columns";

const view = buildFixtureLeaderboardView();
const noFilters = { q: "", group: [], org: [], effort: [], size: [], sort: null };

/** Minimal RFC 4180 reader for round-trip checks. */
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

describe("csvField", () => {
  it("quotes commas, quotes, line breaks and edge spaces (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField(" padded")).toBe('" padded"');
  });

  it("guards text that a spreadsheet would run as a formula, but never numbers", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+cmd")).toBe("'+cmd");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe("-3");
  });

  it("writes raw numbers at full precision, booleans as words, missing as empty", () => {
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(0.7142857142857143)).toBe("0.7142857142857143");
    expect(csvField(1e-7)).toBe("1e-7");
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("exportFields", () => {
  it("expands the shown columns in order, skips unknown ids and ends with synthetic", () => {
    const keys = exportFields(["select", "rank", "weighted", "medqa", "nope"], view.benchmarks).map((f) => f.key);
    expect(keys).toEqual([
      "rank",
      "rank_lo",
      "rank_hi",
      "tie_group",
      "rank_change",
      "weighted_win_rate",
      "weighted_win_rate_lo",
      "weighted_win_rate_hi",
      "medqa",
      "medqa_lo",
      "medqa_hi",
      "medqa_n",
      "synthetic",
    ]);
  });

  it("follows the shown column order, not the definition order", () => {
    const keys = exportFields(["tokens", "pubmedqa", "config"], view.benchmarks).map((f) => f.key);
    expect(keys.slice(0, 6)).toEqual(["mean_output_tokens", "pubmedqa", "pubmedqa_lo", "pubmedqa_hi", "pubmedqa_n", "config"]);
  });
});

describe("toCsv", () => {
  const columns = ["rank", "config", "weighted", "tokens", "longhealth", "sctpublic"];

  it("has one header line and one line per shown row, in the shown order, CRLF-terminated", () => {
    const shown = [view.rows[3], view.rows[0]];
    const csv = toCsv(shown, columns, view.benchmarks);
    expect(csv.endsWith("\r\n")).toBe(true);
    const table = parseCsv(csv);
    expect(table).toHaveLength(3);
    const header = table[0];
    expect(table.every((r) => r.length === header.length)).toBe(true);
    expect(table[1][header.indexOf("config")]).toBe(view.rows[3].config);
    expect(table[2][header.indexOf("config")]).toBe(view.rows[0].config);
  });

  it("round-trips exact values: raw shares in [0,1], intervals, null as empty, text with commas and quotes", () => {
    const csv = toCsv(view.rows, columns, view.benchmarks);
    const [header, ...lines] = parseCsv(csv);
    const col = (k: string) => header.indexOf(k);
    view.rows.forEach((row, i) => {
      const line = lines[i];
      expect(Number(line[col("weighted_win_rate")])).toBe(row.weighted);
      expect(Number(line[col("weighted_win_rate_lo")])).toBe(row.weightedLo);
      expect(Number(line[col("weighted_win_rate")])).toBeGreaterThanOrEqual(0);
      expect(Number(line[col("weighted_win_rate")])).toBeLessThanOrEqual(1);
      const lh = row.benchmarks.longhealth;
      expect(line[col("longhealth")]).toBe(lh ? String(lh.score) : "");
      expect(line[col("longhealth_n")]).toBe(lh ? String(lh.n) : "");
      expect(line[col("mean_output_tokens")]).toBe(row.meanOutputTokens === null ? "" : String(row.meanOutputTokens));
      expect(line[col("synthetic")]).toBe("true");
      const name = row.displayName;
      expect(line[col("display_name")]).toBe(/^[=+\-@]/.test(name) ? `'${name}` : name);
    });
    const acme = lines[view.rows.findIndex((r) => r.config === "acme-local")];
    expect(acme[col("display_name")]).toBe('Acme "Local", v2');
    expect(acme[col("org")]).toBe("");
    expect(acme[col("in_catalog")]).toBe("false");
  });

  it("exports only the header when no row is shown", () => {
    expect(parseCsv(toCsv([], ["rank"], view.benchmarks))).toEqual([["rank", "rank_lo", "rank_hi", "tie_group", "rank_change", "synthetic"]]);
  });
});

describe("toExportJson", () => {
  it("carries the same records, typed, plus what produced them", () => {
    const shown = view.rows.slice(0, 3);
    const doc = toExportJson(view, shown, ["rank", "config", "medqa", "select"], { ...noFilters, q: "gpt", sort: { id: "medqa", desc: true } });
    expect(doc.board).toBe("V");
    expect(doc.synthetic).toBe(true);
    expect(doc.snapshot).toEqual(view.snapshot);
    expect(doc.settings).toEqual(view.settings);
    expect(doc.filters.q).toBe("gpt");
    expect(doc.sort).toEqual({ id: "medqa", desc: true });
    expect(doc.columns).toEqual(["rank", "config", "medqa"]);
    expect(doc.rows).toHaveLength(3);
    expect(doc.rows[0].medqa).toBe(shown[0].benchmarks.medqa?.score);
    expect(doc.rows[0].rank).toBe(1);
    expect(doc.rows[0].synthetic).toBe(true);
    expect(Object.keys(doc.rows[0])).toEqual(doc.fields);
    const round = JSON.parse(JSON.stringify(doc));
    expect(round.rows[0].medqa_lo).toBe(shown[0].benchmarks.medqa?.lo);
  });

  it("uses null for missing values", () => {
    const row = view.rows.find((r) => r.meanOutputTokens === null)!;
    const doc = toExportJson(view, [row], ["tokens"], noFilters);
    expect(doc.rows[0].mean_output_tokens).toBeNull();
  });
});

describe("exportFilename", () => {
  it("names board, snapshot and synthetic data", () => {
    expect(exportFilename(view, "csv")).toBe("medmarks-v-leaderboard-fixture01234-synthetic-demo.csv");
    expect(exportFilename({ ...view, board: "OE", synthetic: false, snapshot: { ...view.snapshot, id: "ab/cd" } }, "json")).toBe(
      "medmarks-oe-leaderboard-abcd.json",
    );
  });
});

describe("toLeaderboardLatex", () => {
  /** The cells of the data lines between \\midrule and \\bottomrule (split on unescaped &). */
  function latexBody(tex: string): string[][] {
    const lines = tex.split("\n").map((l) => l.trim());
    const mid = lines.indexOf("\\midrule");
    const bottom = lines.indexOf("\\bottomrule");
    return lines.slice(mid + 1, bottom).map((l) => l.replace(/ \\\\$/, "").split(/ (?<!\\)& /));
  }
  /** Which shown column each CSV field belongs to, in order (fields of one column are contiguous). */
  function csvColumnOrder(header: string[], columnIds: string[]): string[] {
    const order: string[] = [];
    for (const id of columnIds) {
      const keys = exportFields([id], view.benchmarks).map((f) => f.key).filter((k) => k !== "synthetic");
      if (!keys.length) continue;
      const at = header.indexOf(keys[0]);
      expect(header.slice(at, at + keys.length)).toEqual(keys);
      order.push(id);
    }
    return order;
  }

  it("has the same rows, columns and order as the CSV export of the same shown table", () => {
    // A sorted, filtered, column-reordered view: rows in a non-rank order, some columns hidden.
    const byConfig = (c: string) => view.rows.find((r) => r.config === c)!;
    const shown = [view.rows[4], view.rows[0], byConfig("acme-local"), view.rows[2]];
    const columns = ["select", "rank", "config", "weighted", "tokens", benchmarkColumnId("medqa"), benchmarkColumnId("longhealth"), "datasets"];
    const csv = parseCsv(toCsv(shown, columns, view.benchmarks));
    const tex = toLeaderboardLatex(view, shown, columns, "https://example.org/?board=V");
    const body = latexBody(tex);
    const model = leaderboardTableModel(view, shown, columns);

    // Columns: the CSV's fields group into the same shown columns, in the same order, as the LaTeX columns.
    const header = csv[0];
    expect(model.columns.map((c) => c.id)).toEqual(csvColumnOrder(header, columns));
    expect(model.columns.map((c) => c.id)).toEqual(["rank", "config", "weighted", "tokens", "medqa", "longhealth", "datasets"]);
    expect(tex).toContain("\\begin{tabular}{rlrrrrr}");

    // Rows: same count and order (by rank and name), every line as many cells as columns.
    expect(body).toHaveLength(csv.length - 1);
    expect(body.map((cells) => cells[0])).toEqual(csv.slice(1).map((r) => r[header.indexOf("rank")]));
    expect(body.every((cells) => cells.length === model.columns.length)).toBe(true);
    const names = csv.slice(1).map((r) => r[header.indexOf("display_name")]);
    expect(body.map((cells) => cells[1])).toEqual(names);
    expect(names).toEqual(shown.map((r) => r.displayName));
    expect(body[2][1]).toBe('Acme "Local", v2');

    // Numbers as the table shows them, intervals with LaTeX en dashes, missing as ---.
    const r0 = shown[0];
    expect(body[0][2]).toMatch(/^\d+\.\d \(\d+\.\d--\d+\.\d\)$/);
    expect(Number(body[0][2].split(" ")[0])).toBeCloseTo(r0.weighted! * 100, 1);
    const acme = body[2];
    expect(acme[model.columns.findIndex((c) => c.id === "longhealth")]).toMatch(/--/);
    const missingTokens = leaderboardTableModel(view, [view.rows.find((r) => r.meanOutputTokens === null)!], ["tokens"]);
    expect(toLatex(missingTokens)).toMatch(/^\s*--- \\\\$/m);
  });

  it("escapes names and says which snapshot and that the data are synthetic", () => {
    const evil = view.rows.find((r) => r.config === "=cmd-model")!;
    const tex = toLeaderboardLatex(view, [evil], ["rank", "config"]);
    expect(tex).toContain('=HYPERLINK("x")'); // no LaTeX special in it: kept as is
    expect(tex).toContain(`snapshot \\texttt{${view.snapshot.id}}`);
    expect(tex).toContain("synthetic demo data");
    expect(tex).toContain("ln(n\\_questions)-weighted");
    expect(tex).toMatch(/1 of \d+ configurations/);
    expect(exportFilename(view, "tex")).toBe("medmarks-v-leaderboard-fixture01234-synthetic-demo.tex");
  });
});
