import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LONG_TEXT_HEAD } from "@/lib/samples/text";
import { LongText } from "./long-text";
import { PlainText } from "./plain-text";

const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>`;

describe("untrusted text renders as text", () => {
  it("PlainText escapes markup into one <pre> text node", () => {
    const html = renderToStaticMarkup(<PlainText text={HOSTILE} />);
    expect(html).toMatch(/^<pre [^>]*>[^<]*<\/pre>$/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<a ");
  });

  it("LongText shows a bounded head and a Show all toggle for a 1 MB text", () => {
    const big = "x".repeat(1_000_000) + HOSTILE;
    const html = renderToStaticMarkup(<LongText text={big} />);
    expect(html.length).toBeLessThan(LONG_TEXT_HEAD + 2_000);
    expect(html).toContain("Show all (1.0 MB)");
    expect(html).not.toContain("<script");
  });

  it("LongText renders a short text whole, without a toggle", () => {
    const html = renderToStaticMarkup(<LongText text={HOSTILE} />);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toContain("Show all");
  });
});
