/**
 * What the model answered, recovered from its completion text (spec §4): the `<answer>` tag,
 * else the last `\boxed{...}`, else a lone leading letter. Plus the chosen option's text.
 */

/** Contents of the last balanced `\boxed{...}` in `text`, or null. */
function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf("\\boxed{");
  if (start < 0) return null;
  let depth = 0;
  for (let i = start + "\\boxed".length; i < text.length; i++) {
    const c = text[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return text.slice(start + "\\boxed{".length, i).trim();
    }
  }
  return null;
}

const ANSWER_TAG = /<answer>([\s\S]*?)<\/answer>/gi;
const LONE_LETTER = /^\(?([A-Za-z])\)?(?=$|[.):,\s])/;

export function parseAnswer(text: string | null | undefined): string | null {
  if (!text) return null;
  let tagged: string | null = null;
  for (const m of text.matchAll(ANSWER_TAG)) tagged = m[1].trim();
  if (tagged !== null && tagged !== "") return tagged;
  const boxed = lastBoxed(text);
  if (boxed !== null && boxed !== "") return boxed.replace(/^\\text\{([\s\S]*)\}$/, "$1").trim();
  const lone = LONE_LETTER.exec(text.trim());
  return lone ? lone[1].toUpperCase() : null;
}

/** The option letter an answer names (`B`, `(B)`, `B. text`, `\text{B}`), or null. */
export function answerLetter(answer: string | null): string | null {
  if (!answer) return null;
  const m = LONE_LETTER.exec(answer.trim());
  return m ? m[1].toUpperCase() : null;
}

const OPTION_LINE = /^\s*\(?([A-Z])[.)]\s+(.+?)\s*$/;

/**
 * Options listed in a prompt as lines `A. text` / `(B) text`: the last run of consecutive
 * letters starting at A (earlier runs may be few-shot examples).
 */
export function optionsFromPrompt(promptText: string): Record<string, string> | null {
  let best: Record<string, string> | null = null;
  let current: Record<string, string> | null = null;
  let expected = "A";
  for (const line of promptText.split(/\r?\n/)) {
    const m = OPTION_LINE.exec(line);
    if (m && m[1] === "A") {
      current = { A: m[2] };
      expected = "B";
    } else if (m && current && m[1] === expected) {
      current[m[1]] = m[2];
      expected = String.fromCharCode(expected.charCodeAt(0) + 1);
    } else if (current && line.trim() !== "") {
      if (Object.keys(current).length >= 2) best = current;
      current = null;
    }
  }
  if (current && Object.keys(current).length >= 2) best = current;
  return best;
}

/** Text of the option the answer chose: by letter, else by exact (case-insensitive) text. */
export function chosenOptionText(answer: string | null, options: Record<string, string> | null): string | null {
  if (!answer || !options) return null;
  const letter = answerLetter(answer);
  if (letter && answer.trim().length <= 3 && options[letter] !== undefined) return options[letter];
  if (letter && options[letter] !== undefined && /^\(?[A-Za-z]\)?[.):]/.test(answer.trim())) return options[letter];
  const wanted = answer.trim().toLowerCase();
  for (const text of Object.values(options)) if (text.trim().toLowerCase() === wanted) return text;
  return null;
}
