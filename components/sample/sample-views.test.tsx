/** Server-rendered sample views with hostile text: everything escaped, no link or attribute built from it. */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuestionTable } from "@/components/question/question-table";
import type { QuestionView } from "@/lib/queries/question";
import type { SampleView } from "@/lib/queries/sample";
import type { SamplePage } from "@/lib/queries/samples";
import { DEFAULT_SAMPLE_PARAMS } from "@/lib/samples/params";
import { JudgeVerdicts } from "./judge-verdicts";
import { MessageList } from "./message-list";
import { OptionsTable } from "./options-table";
import { SampleFacts } from "./sample-facts";
import { SampleLinks } from "./sample-links";
import { SamplePager } from "./sample-pager";
import { SampleTable } from "./sample-table";

const EVIL = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><a href="javascript:alert(1)">x</a>`;
const EVIL_ID = `"><script>alert(1)</script>`;

/** No element or attribute came from the hostile text: only escaped characters. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<[a-z][^>]*\shref="javascript:/i);
  // No event-handler attribute on any real tag (attribute values, where text may sit escaped, blanked first).
  expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  expect(html).toContain("&lt;script&gt;");
}

const sample: SampleView = {
  run: {
    id: 7, status: "published", provenance: "demo", format: "A", providerModel: "m", judgeModels: [],
    config: { slug: "cfg", displayName: "Cfg", group: "open-weight" },
    benchmark: { slug: "medqa", name: "MedQA", subset: "V" },
    dataset: { id: 1, key: "medqa::shuffle_seed-1618", foldedKey: "medqa::base", envId: "medqa", variantId: "shuffle_seed-1618", subtask: "base", orderSeed: 1618, repeat: 0 },
  },
  exampleId: EVIL_ID,
  rolloutIndex: 0,
  rollout: {
    reward: 1, metrics: [{ key: EVIL, value: 1 }], gold: EVIL, parsedAnswer: EVIL, chosenText: EVIL, inputTokens: 10, outputTokens: 2000,
    reasoningTokens: null, judgeInputTokens: null, judgeOutputTokens: null, costUsd: null, latencyMs: 1234, error: EVIL, stopCondition: EVIL, truncated: false, hasReasoning: true,
  },
  transcript: {
    prompt: [{ role: EVIL, content: EVIL, reasoning: null, toolCalls: null, extra: null }],
    completion: [{ role: "assistant", content: EVIL, reasoning: EVIL, toolCalls: EVIL, extra: EVIL }],
    info: [{ key: EVIL, text: EVIL }],
  },
  options: { rows: [{ label: EVIL, text: EVIL, gold: true, chosen: true, originalLabel: EVIL, originalPosition: 2 }], source: "info", shuffled: true, originalRunId: 3 },
  judges: [{ score: 1, judges: [{ model: EVIL, score: 1, error: EVIL, raw: EVIL, scores: [{ key: EVIL, value: EVIL }] }] }],
  rollouts: [{ rolloutIndex: 0, reward: 1 }, { rolloutIndex: 1, reward: 0 }],
  orders: [
    { orderSeed: null, datasetKey: "medqa::base", runId: 3, status: "published", current: false, rewards: [1] },
    { orderSeed: 1618, datasetKey: "medqa::shuffle_seed-1618", runId: 7, status: "published", current: true, rewards: [1, 0] },
  ],
  question: { benchmarkSlug: "medqa", foldedKey: "medqa::base", exampleId: EVIL_ID },
};

describe("sample views render hostile text inert", () => {
  it("the sample page parts", () => {
    const html = renderToStaticMarkup(
      <>
        <SampleLinks sample={sample} />
        <SampleFacts sample={sample} />
        <OptionsTable options={sample.options!} />
        <JudgeVerdicts rounds={sample.judges} />
        <MessageList messages={sample.transcript!.prompt} label="Prompt" />
        <MessageList messages={sample.transcript!.completion} label="Completion" />
      </>,
    );
    expectInert(html);
    // Ids only ever reach a URL encoded, under the fixed schemes.
    expect(html).toContain(`href="/runs/7/samples/${encodeURIComponent(EVIL_ID).replace(/'/g, "&#x27;")}?rollout=1"`);
    expect(html).toContain(`href="/benchmarks/medqa/questions/${encodeURIComponent(EVIL_ID)}?set=medqa%3A%3Abase"`);
    expect(html).toContain("across configurations");
    expect(html).toContain("(#2)");
  });

  it("the list table and pager", () => {
    const page: SamplePage = {
      runId: 7, params: DEFAULT_SAMPLE_PARAMS, matching: 1, total: 3, nextCursor: "abc", prevCursor: null, isFirstPage: true,
      rows: [{
        exampleId: EVIL_ID, rolloutIndex: 0, reward: 0.5, gold: EVIL, parsedAnswer: EVIL, chosenText: EVIL, mismatch: true, inputTokens: 1, outputTokens: 1234,
        reasoningTokens: null, latencyMs: 900, error: true, errorText: EVIL, truncated: true, hasReasoning: true, excerpt: EVIL,
      }],
    };
    const html = renderToStaticMarkup(
      <>
        <SamplePager page={page} pathname="/runs/7" position="top" />
        <SampleTable page={page} pathname="/runs/7" />
      </>,
    );
    expectInert(html);
    expect(html).toContain("Showing 1 of 1 matching (3 total)");
    expect(html).toContain(`href="/runs/7?after=abc#samples"`);
    expect(html).toContain(`href="/runs/7?sort=reward#samples"`);
    expect(html).toContain("1,234");
  });

  it("the question table", () => {
    const view: QuestionView = {
      kind: "question", benchmark: { slug: "medqa", name: "MedQA", subset: "V" }, exampleId: EVIL_ID, set: { key: "medqa::base", label: "all" }, sets: [],
      data: "auto", synthetic: true, hidden: 0, prompt: null, promptRunId: null, gold: "A", goldText: null,
      orders: [{ orderSeed: null, repeat: 0, label: "original order" }, { orderSeed: 1618, repeat: 0, label: "shuffle 1618" }],
      configs: [{
        config: "cfg", displayName: EVIL, group: "medical", provenance: "demo", meanReward: 0.5, nRewards: 2,
        answers: [{ orderSeed: null, repeat: 0, runId: 3, datasetKey: "medqa::base", rollouts: [{ rolloutIndex: 0, reward: 1, parsedAnswer: EVIL, chosenText: EVIL, outputTokens: 10, latencyMs: 10, error: false, excerpt: EVIL }] }],
      }],
      summary: { nConfigs: 1, meanReward: 0.5, allRight: 0, someRight: 1, noneRight: 0, unscored: 0 },
    };
    const html = renderToStaticMarkup(<QuestionTable view={view} />);
    expectInert(html);
    expect(html).toContain("50.0%");
    expect(html).toContain(`href="/runs/3/samples/`);
  });
});
