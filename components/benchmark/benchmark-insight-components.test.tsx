/** The benchmark insight components as static markup: links, toggles, "—" with reasons, untrusted text escaped. */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import type { BenchmarkInsight, QuestionInsightRow } from "@/lib/queries/benchmark-insight";
import { histogram } from "@/lib/queries/benchmark-insight-stats";

let search = "dist=questions&board=V";
vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(search) }));

const { ScoreDistributionChart, parseDist } = await import("./score-distribution-chart");
const { QuestionInsight } = await import("./question-insight");
const { SubtaskBreakdown } = await import("./subtask-breakdown");
const { JudgesUsed } = await import("./judges-used");

const row = (over: Partial<QuestionInsightRow>): QuestionInsightRow => ({
  foldedKey: "medqa::base",
  exampleId: "7",
  mean: 0,
  nConfigs: 3,
  discrimination: null,
  excerpt: '<img src=x onerror="alert(1)"> A 45-year-old…',
  href: "/benchmarks/medqa/questions/7?set=medqa%3A%3Abase",
  ...over,
});

describe("ScoreDistributionChart", () => {
  const distribution: BenchmarkInsight["distribution"] = {
    configs: { n: 2, bins: histogram([0.41, 1]) },
    questions: { n: 3, bins: histogram([0, 0, 0.5]) },
  };

  it("reads ?dist from the URL, keeps other parameters in the toggle links and has a table fallback", () => {
    const html = renderToStaticMarkup(<ScoreDistributionChart distribution={distribution} scoreSource="board" synthetic={false} benchmarkName="MedQA" snapshotId="snap123" snapshotDate="2026-11-26T00:00:00.000Z" />);
    expect(html).toContain("MedQA: Questions by mean score");
    expect(html).toContain("Download");
    expect(html).toContain('data-dist="questions"');
    expect(html).toContain('href="?dist=configs&amp;board=V"');
    expect(html).toMatch(/aria-current="true"[^>]*data-dist-option="questions"/);
    expect(html).toContain('<div class="sr-only"><table>');
    expect(html).toContain("<th scope=\"row\">0%–5%</th><td>2</td>");
    expect(html).toContain("<th scope=\"row\">95%–100% (incl. 100%)</th><td>0</td>");
  });

  it("defaults to configurations", () => {
    search = "";
    const html = renderToStaticMarkup(<ScoreDistributionChart distribution={distribution} scoreSource="runs" synthetic benchmarkName="MedQA" snapshotId="snap123" snapshotDate="2026-11-26T00:00:00.000Z" />);
    expect(html).toContain('data-dist="configs"');
    expect(html).toContain("<th scope=\"row\">95%–100% (incl. 100%)</th><td>1</td>");
    expect(html).toContain("synthetic demo data");
    expect(parseDist("nonsense")).toBe("configs");
  });
});

describe("QuestionInsight", () => {
  it("renders question text as escaped text inside a link to the question page", () => {
    const list = { total: 25, rows: [row({ discrimination: 0.5 })] };
    const html = renderToStaticMarkup(
      <QuestionInsight
        decimals={1}
        insight={{
          binaryMetric: false,
          questions: { total: 30, eligible: 25, thirds: { top: ["a"], bottom: ["c"] }, hardest: list, discriminating: list, allFail: { total: 0, rows: [] } },
        }}
      />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('href="/benchmarks/medqa/questions/7?set=medqa%3A%3Abase"');
    expect(html).toContain("Scored 0 by every configuration");
    expect(html).toContain("(1 of 25)");
    expect(html).toContain("+50.0 pp");
  });

  it("says why a discrimination is missing", () => {
    const list = { total: 1, rows: [row({})] };
    const html = renderToStaticMarkup(
      <QuestionInsight decimals={1} insight={{ binaryMetric: true, questions: { total: 1, eligible: 1, thirds: null, hardest: list, discriminating: { total: 0, rows: [] }, allFail: list } }} />,
    );
    expect(html).toMatch(/<span title="[^"]+">—<\/span>/);
    expect(html).toContain("Failed by every configuration");
  });
});

describe("SubtaskBreakdown and JudgesUsed", () => {
  it("links configurations to their page and explains missing cells", () => {
    const html = renderToStaticMarkup(
      <SubtaskBreakdown
        decimals={1}
        insight={{
          scoreSource: "board",
          subtasks: [
            { key: "x::a", label: "a", scored: true, nQuestions: 4 },
            { key: "x::b", label: "b", scored: false, nQuestions: 3 },
          ],
          subtaskRows: [{ config: "m/1", displayName: "M 1", group: null, score: 0.5, cells: [{ key: "x::a", mean: 0.5, n: 4 }, { key: "x::b", mean: null, n: 0 }] }],
        }}
      />,
    );
    expect(html).toContain('href="/models/m%2F1"');
    expect(html).toContain('title="Not run: no published run of this subtask in the snapshot">—');
    expect(html).toContain("† Not scored on the board");
  });

  it("lists judges with their run counts", () => {
    const html = renderToStaticMarkup(
      <JudgesUsed judges={{ models: [{ model: "j1", runs: 2, inCatalog: true }], catalog: ["j1", "j2"], unused: ["j2"], totalRuns: 3, runsWithoutJudge: 1 }} />,
    );
    expect(html).toContain("j1");
    expect(html).toContain("67%");
    expect(html).toContain("Suite config judges no run used: j2.");
  });
});
