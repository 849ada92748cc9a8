/**
 * BibTeX helpers (pure): escaping text and URLs for a BibTeX field, keys, and a small reader of
 * catalog entries (`@type{key, field = {value}, ...}`) to derive a plain-text reference from them.
 */

const TEXT_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
};

/** Text for a BibTeX field: LaTeX's special characters escaped (one pass, so nothing is escaped twice). */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => TEXT_ESCAPES[c]);
}

/**
 * A URL for `\url{...}` inside a BibTeX field: characters that would unbalance the braces or
 * break LaTeX are percent-encoded (`\`, `{`, `}`, spaces), then `%` and `#` are escaped, which
 * the url package prints as the plain characters.
 */
export function escapeBibtexUrl(url: string): string {
  return url
    .replace(/[\\{}\s]/g, (c) => (c === " " ? "%20" : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`))
    .replace(/[%#]/g, (c) => `\\${c}`);
}

/** A citation key: letters, digits and `_:-` only (anything else becomes `_`). */
export function bibtexKey(text: string): string {
  const key = text.replace(/[^A-Za-z0-9_:-]/g, "_");
  return key || "entry";
}

export interface BibtexEntry {
  type: string;
  key: string;
  /** Field names in lower case; values as written (TeX kept, outer braces or quotes removed). */
  fields: Record<string, string>;
}

/** Read the entries of a BibTeX text. Malformed parts are skipped, never thrown. */
export function parseBibtex(text: string): BibtexEntry[] {
  const entries: BibtexEntry[] = [];
  const head = /@([A-Za-z]+)\s*\{\s*([^,\s]*)\s*,/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const fields: Record<string, string> = {};
    let i = head.lastIndex;
    for (;;) {
      const f = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*/.exec(text.slice(i));
      if (!f) break;
      i += f[0].length;
      let value: string;
      if (text[i] === "{") {
        let depth = 0;
        const start = i;
        for (; i < text.length; i++) {
          if (text[i] === "\\") {
            i++;
            continue;
          }
          if (text[i] === "{") depth++;
          else if (text[i] === "}" && --depth === 0) break;
        }
        value = text.slice(start + 1, i);
        i++;
      } else if (text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) break;
        value = text.slice(i + 1, end);
        i = end + 1;
      } else {
        const w = /^[^,}\s]+/.exec(text.slice(i));
        if (!w) break;
        value = w[0];
        i += w[0].length;
      }
      fields[f[1].toLowerCase()] = value.replace(/\s+/g, " ").trim();
      const sep = /^\s*,?/.exec(text.slice(i));
      i += sep ? sep[0].length : 0;
    }
    entries.push({ type: m[1].toLowerCase(), key: m[2], fields });
    head.lastIndex = Math.max(head.lastIndex, i);
  }
  return entries;
}

const ACCENTS: Record<string, string> = { "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307", c: "\u0327", v: "\u030C", u: "\u0306", H: "\u030B" };

/** TeX of a BibTeX value as plain text: accents to Unicode, escapes to characters, braces dropped. */
export function detex(value: string): string {
  return value
    .replace(/\\([`'^"~=.]|[cvuH](?=[\s{]))\s*\{?\\?([A-Za-z])\}?/g, (_, accent: string, letter: string) => (letter + ACCENTS[accent]).normalize("NFC"))
    .replace(/\\(?:textbackslash)\{\}/g, "\\")
    .replace(/\\([{}%&$#_])/g, "$1")
    .replace(/\\(?:ss)\b/g, "ß")
    .replace(/---/g, "—")
    .replace(/--/g, "–")
    .replace(/[{}]/g, "")
    .replace(/\\[A-Za-z]+\s*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function authors(list: string): string {
  const names = list.split(/\s+and\s+/).map((a) => detex(a)).filter(Boolean);
  const shown = names.map((n) => {
    if (n === "others") return "et al.";
    const [last, first] = n.includes(",") ? n.split(/,\s*/, 2) : [n.split(" ").slice(-1)[0], n.split(" ").slice(0, -1).join(" ")];
    return first ? `${last}, ${first}` : last;
  });
  if (shown.length > 1 && shown[shown.length - 1] === "et al.") return `${shown.slice(0, -1).join("; ")} et al.`;
  return shown.join("; ");
}

/** A plain-text reference from an entry: Authors (year). Title. Venue. DOI or URL. */
export function bibtexToPlain(entry: BibtexEntry): string {
  const f = entry.fields;
  const parts: string[] = [];
  const who = f.author ? authors(f.author) : f.editor ? authors(f.editor) : "";
  const year = f.year ? detex(f.year) : "";
  if (who) parts.push(year ? `${who} (${year}).` : `${who}.`);
  else if (year) parts.push(`(${year}).`);
  if (f.title) parts.push(`${detex(f.title).replace(/[.]$/, "")}.`);
  const venue = f.booktitle ?? f.journal ?? f.howpublished ?? null;
  if (venue) {
    let v = detex(venue);
    if (f.volume) v += ` ${detex(f.volume)}${f.number ? `(${detex(f.number)})` : ""}`;
    if (f.pages) v += `, ${detex(f.pages)}`;
    parts.push(`${v.replace(/[.]$/, "")}.`);
  } else if (f.eprint) {
    parts.push(`${f.archiveprefix ? detex(f.archiveprefix) : "arXiv"}:${detex(f.eprint)}.`);
  }
  if (f.doi) parts.push(`https://doi.org/${detex(f.doi)}`);
  else if (f.url) parts.push(f.url.replace(/\\([%#_&])/g, "$1"));
  return parts.join(" ");
}
