import { describe, expect, it } from "vitest";

import { benchmarks } from "@/lib/catalog";

import { bibtexKey, bibtexToPlain, detex, escapeBibtex, escapeBibtexUrl, parseBibtex } from "./bibtex";
import { benchmarkCitations, permalink, siteCitation } from "./cite";

describe("escaping for BibTeX", () => {
  it("escapes every LaTeX special character exactly once", () => {
    expect(escapeBibtex("A & B: 50% of $x_1$ #1 ^ ~ {x} \\y")).toBe(
      "A \\& B: 50\\% of \\$x\\_1\\$ \\#1 \\^{} \\~{} \\{x\\} \\textbackslash{}y",
    );
    expect(escapeBibtex("plain text")).toBe("plain text");
  });

  it("makes URLs safe inside \\url{}", () => {
    expect(escapeBibtexUrl("https://x.org/?sel=a%2Cb#h")).toBe("https://x.org/?sel=a\\%2Cb\\#h");
    expect(escapeBibtexUrl("https://x.org/a b{c}\\")).toBe("https://x.org/a\\%20b\\%7Bc\\%7D\\%5C");
    expect(escapeBibtexUrl("https://x.org/?a=1&b=2")).toBe("https://x.org/?a=1&b=2");
  });

  it("keeps keys to safe characters", () => {
    expect(bibtexKey("medmarks_explorer_0123456789abcdef")).toBe("medmarks_explorer_0123456789abcdef");
    expect(bibtexKey("a b,{c}")).toBe("a_b__c_");
  });
});

describe("the site citation", () => {
  const input = {
    url: "https://medmarks.example/?board=OE&sel=a,b",
    title: "Medmarks-OE leaderboard: 100% of R&D_x",
    snapshotId: "0123456789abcdef",
    snapshotDate: "2026-01-05T10:00:00.000Z",
    accessed: "2026-02-01T08:00:00.000Z",
  };

  it("pins the permalink and writes an escaped @misc entry", () => {
    const c = siteCitation(input);
    expect(c.permalink).toBe("https://medmarks.example/?board=OE&sel=a,b&snapshot=0123456789abcdef");
    expect(c.bibtex).toBe(
      [
        "@misc{medmarks_explorer_0123456789abcdef,",
        "  title = {{Medmarks Explorer}: Medmarks-OE leaderboard: 100\\% of R\\&D\\_x},",
        "  howpublished = {\\url{https://medmarks.example/?board=OE&sel=a,b&snapshot=0123456789abcdef}},",
        "  year = {2026},",
        "  note = {Snapshot 0123456789abcdef, accessed 2026-02-01}",
        "}",
      ].join("\n"),
    );
    expect(c.plain).toBe(
      "Medmarks Explorer. Medmarks-OE leaderboard: 100% of R&D_x. Snapshot 0123456789abcdef (2026-01-05). https://medmarks.example/?board=OE&sel=a,b&snapshot=0123456789abcdef (accessed 2026-02-01).",
    );
  });

  it("replaces the snapshot of an already pinned URL", () => {
    expect(siteCitation({ ...input, url: "https://medmarks.example/?snapshot=fedcba9876543210#x" }).permalink).toBe(
      "https://medmarks.example/?snapshot=0123456789abcdef#x",
    );
    expect(permalink("/efficiency", "0123456789abcdef")).toBe("/efficiency?snapshot=0123456789abcdef");
  });
});

describe("benchmark citations", () => {
  const bib = String.raw`@inproceedings{vilares-gomez-rodriguez-2019-head,
  title = {{HEAD}-{QA}: A Healthcare Dataset for Complex Reasoning},
  author = {Vilares, David and G{\'o}mez-Rodr{\'i}guez, Carlos},
  booktitle = {Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics},
  month = jul,
  year = {2019},
  url = {https://www.aclweb.org/anthology/P19-1092},
  doi = {10.18653/v1/P19-1092},
  pages = {960--966}
}`;

  it("reads an entry: nested braces, bare values, TeX accents", () => {
    const [e] = parseBibtex(bib);
    expect(e.type).toBe("inproceedings");
    expect(e.key).toBe("vilares-gomez-rodriguez-2019-head");
    expect(e.fields.title).toBe("{HEAD}-{QA}: A Healthcare Dataset for Complex Reasoning");
    expect(e.fields.month).toBe("jul");
    expect(detex(e.fields.author)).toBe("Vilares, David and Gómez-Rodríguez, Carlos");
    expect(detex("Caf\\'{e} \\& M\\\"uller 50\\% --- x")).toBe("Café & Müller 50% — x");
  });

  it("derives a plain-text reference", () => {
    expect(bibtexToPlain(parseBibtex(bib)[0])).toBe(
      "Vilares, David; Gómez-Rodríguez, Carlos (2019). HEAD-QA: A Healthcare Dataset for Complex Reasoning. Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics, 960–966. https://doi.org/10.18653/v1/P19-1092",
    );
    const arxiv = parseBibtex("@misc{k, title = {T}, author = {Smith, Ann and others}, year = {2024}, eprint = {2405.01886}, archivePrefix = {arXiv}}")[0];
    expect(bibtexToPlain(arxiv)).toBe("Smith, Ann et al. (2024). T. arXiv:2405.01886.");
  });

  it("lists each entry once, keeps the order, and reports benchmarks without BibTeX", () => {
    const { entries, missing } = benchmarkCitations([
      { slug: "head_qa_v2", name: "HEAD-QA v2", bibtex: bib },
      { slug: "no_bib", name: "No Bib", bibtex: null },
      { slug: "head_qa_copy", name: "HEAD-QA copy", bibtex: bib },
    ]);
    expect(entries.map((e) => e.key)).toEqual(["vilares-gomez-rodriguez-2019-head"]);
    expect(entries[0].slugs).toEqual(["head_qa_v2", "head_qa_copy"]);
    expect(missing).toEqual([{ slug: "no_bib", name: "No Bib" }]);
  });

  it("parses every catalog entry into a key, a title and a plain reference", () => {
    for (const b of benchmarks.filter((x) => x.bibtex)) {
      const [e] = parseBibtex(b.bibtex!);
      expect(e, b.slug).toBeDefined();
      expect(e.key, b.slug).not.toBe("");
      expect(e.fields.title, b.slug).toBeTruthy();
      const plain = bibtexToPlain(e);
      expect(plain, b.slug).not.toMatch(/[{}\\]/);
    }
  });
});
