import { describe, expect, it } from "vitest";
import { infoEntries, infoOptions, judgeRoundsOf, jsonText, messagesOf } from "./transcript";

describe("messagesOf", () => {
  it("normalises message lists, content parts, reasoning, tool calls and extra fields", () => {
    const m = messagesOf([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Look:" }, { type: "image_url", image_url: { url: "x" } }, "tail"] },
      { role: "assistant", content: "", reasoning_content: "thinking", tool_calls: [{ id: "1", function: { name: "calc", arguments: "{}" } }] },
      { role: "tool", content: "42", tool_call_id: "1" },
      { content: "no role", reasoning: "r2" },
      "bare string",
    ]);
    expect(m.map((x) => x.role)).toEqual(["system", "user", "assistant", "tool", "message", "text"]);
    expect(m[1].content).toBe('Look:\n{\n  "type": "image_url",\n  "image_url": {\n    "url": "x"\n  }\n}\ntail');
    expect(m[2]).toMatchObject({ content: "", reasoning: "thinking" });
    expect(JSON.parse(m[2].toolCalls!)).toEqual([{ id: "1", function: { name: "calc", arguments: "{}" } }]);
    expect(JSON.parse(m[3].extra!)).toEqual({ tool_call_id: "1" });
    expect(m[4].reasoning).toBe("r2");
    expect(m[5]).toEqual({ role: "text", content: "bare string", reasoning: null, toolCalls: null, extra: null });
  });

  it("accepts a plain-string prompt and missing values", () => {
    expect(messagesOf("Q?")).toEqual([{ role: "text", content: "Q?", reasoning: null, toolCalls: null, extra: null }]);
    expect(messagesOf(null)).toEqual([]);
    expect(messagesOf(undefined)).toEqual([]);
  });
});

describe("judgeRoundsOf", () => {
  it("normalises info.judge_feedback", () => {
    const rounds = judgeRoundsOf({
      judge_feedback: [
        {
          score: 0.75,
          judges: [
            { model: "gpt-4.1", raw: "<score>4</score>", error: null, scores: { accuracy: 4, safe: "yes", nested: { a: 1 } }, score: 0.75 },
            { model: "claude", raw: { text: "x" }, error: { type: "Timeout" }, scores: null, score: null },
          ],
        },
        { score: "bad", judges: { model: "single", score: 1 } },
        7,
      ],
    });
    expect(rounds).toHaveLength(3);
    expect(rounds[0].score).toBe(0.75);
    expect(rounds[0].judges[0]).toEqual({
      model: "gpt-4.1",
      score: 0.75,
      error: null,
      raw: "<score>4</score>",
      scores: [
        { key: "accuracy", value: 4 },
        { key: "safe", value: "yes" },
        { key: "nested", value: '{\n  "a": 1\n}' },
      ],
    });
    expect(rounds[0].judges[1]).toMatchObject({ model: "claude", score: null, raw: '{\n  "text": "x"\n}', error: '{\n  "type": "Timeout"\n}', scores: [] });
    expect(rounds[1]).toEqual({ score: null, judges: [{ model: "single", score: 1, error: null, raw: null, scores: [] }] });
    expect(rounds[2]).toEqual({ score: 7, judges: [] });
  });

  it("accepts a single feedback object and ignores rows without feedback", () => {
    expect(judgeRoundsOf({ judge_feedback: { score: 1, judges: [] } })).toEqual([{ score: 1, judges: [] }]);
    expect(judgeRoundsOf({})).toEqual([]);
    expect(judgeRoundsOf(null)).toEqual([]);
    expect(judgeRoundsOf({ judge_feedback: [] })).toEqual([]);
  });
});

describe("info helpers", () => {
  it("reads options and lists the other fields as text", () => {
    const info = { options: { A: "x", B: 3 }, answer_text: "x", judge_feedback: [], calc_id: 12, bounds: [1, 2] };
    expect(infoOptions(info)).toEqual({ A: "x" });
    expect(infoOptions({ options: {} })).toBeNull();
    expect(infoEntries(info)).toEqual([
      { key: "answer_text", text: "x" },
      { key: "calc_id", text: "12" },
      { key: "bounds", text: "[\n  1,\n  2\n]" },
    ]);
    expect(jsonText(undefined)).toBe("undefined");
  });
});
