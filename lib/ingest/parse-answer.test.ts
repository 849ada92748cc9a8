import { describe, expect, it } from "vitest";
import { answerLetter, chosenOptionText, optionsFromPrompt, parseAnswer } from "./parse-answer";

describe("parseAnswer", () => {
  it("prefers the last <answer> tag", () => {
    expect(parseAnswer("think <answer>A</answer> no wait <answer> C </answer>")).toBe("C");
  });
  it("falls back to the last balanced \\boxed{}", () => {
    expect(parseAnswer("so \\boxed{B} hmm \\boxed{\\frac{1}{2}}")).toBe("\\frac{1}{2}");
    expect(parseAnswer("final: \\boxed{\\text{D}}")).toBe("D");
  });
  it("falls back to a lone leading letter", () => {
    expect(parseAnswer("B")).toBe("B");
    expect(parseAnswer("(c) because")).toBe("C");
    expect(parseAnswer("D. Lithium")).toBe("D");
  });
  it("returns null when nothing parses", () => {
    expect(parseAnswer("The answer is probably lithium")).toBeNull();
    expect(parseAnswer("")).toBeNull();
    expect(parseAnswer(null)).toBeNull();
    expect(parseAnswer("<answer></answer>")).toBeNull();
  });
});

describe("options and chosen text", () => {
  const prompt = [
    "Example: A. x B. y",
    "Question: what?",
    "Options:",
    "A. 22q11 deletion",
    "B. Deletion of genes on chromosome 7",
    "C. Lithium exposure in utero",
    "",
    "Answer with ONLY the letter.",
  ].join("\n");
  it("reads the option lines of a prompt", () => {
    expect(optionsFromPrompt(prompt)).toEqual({
      A: "22q11 deletion",
      B: "Deletion of genes on chromosome 7",
      C: "Lithium exposure in utero",
    });
    expect(optionsFromPrompt("no options here")).toBeNull();
  });
  it("maps a letter or the option text to the chosen text", () => {
    const opts = optionsFromPrompt(prompt);
    expect(chosenOptionText("C", opts)).toBe("Lithium exposure in utero");
    expect(chosenOptionText("(b)", opts)).toBe("Deletion of genes on chromosome 7");
    expect(chosenOptionText("lithium exposure in utero", opts)).toBe("Lithium exposure in utero");
    expect(chosenOptionText("E", opts)).toBeNull();
    expect(chosenOptionText("A rare answer", opts)).toBeNull();
    expect(answerLetter("A rare answer")).toBe("A");
  });
});
