import { describe, expect, it } from "vitest";

import { EMBED_CHROME_PX, embedSrc, fullViewHref, iframeSnippet, parseEmbedHeight, parseEmbedRows, withParam } from "./embed-url";
import { isEmbedPath } from "./site-chrome";

describe("embed URLs", () => {
  it("reads h= as whole pixels in [120, 2000], else the fallback", () => {
    expect(parseEmbedHeight("300")).toBe(300);
    expect(parseEmbedHeight(["640", "10"])).toBe(640);
    expect(parseEmbedHeight(undefined, 440)).toBe(440);
    for (const bad of ["", "abc", "12.5", "-300", "119", "2001", "1e3", "999999"]) expect(parseEmbedHeight(bad, 260)).toBe(260);
    expect(parseEmbedHeight("50")).toBeUndefined();
  });

  it("reads n= as a row count in [1, 500], else all rows", () => {
    expect(parseEmbedRows("10")).toBe(10);
    expect(parseEmbedRows("0")).toBeNull();
    expect(parseEmbedRows("501")).toBeNull();
    expect(parseEmbedRows("x")).toBeNull();
    expect(parseEmbedRows(undefined)).toBeNull();
  });

  it("links the full view with the same parameters, without the embed-only ones", () => {
    expect(fullViewHref("/efficiency", { board: "OE", x: "latency", h: "300", snapshot: "0123456789abcdef" })).toBe(
      "/efficiency?board=OE&x=latency&snapshot=0123456789abcdef",
    );
    expect(fullViewHref("/", { board: "V", group: "medical,open-weight", n: "10" })).toBe("/?board=V&group=medical,open-weight");
    expect(fullViewHref("/benchmarks/medqa", { dist: "questions" }, "h-distribution")).toBe("/benchmarks/medqa?dist=questions#h-distribution");
    expect(fullViewHref("/order-bias", {}, "ranking")).toBe("/order-bias#ranking");
  });

  it("sets and removes one parameter, keeping the rest and the fragment", () => {
    expect(withParam("/embed/benchmark/medqa/distribution", "dist", "questions")).toBe("/embed/benchmark/medqa/distribution?dist=questions");
    expect(withParam("/x?a=1&dist=configs#f", "dist", "questions")).toBe("/x?a=1&dist=questions#f");
    expect(withParam("/x?a=1&h=3", "h", null)).toBe("/x?a=1");
  });

  it("builds the iframe snippet: absolute src with h and the pinned snapshot, full width, height with room for the frame", () => {
    const src = embedSrc("https://mm.example", "/embed/head-to-head?board=V&a=x&b=y", { height: 300, snapshot: "0123456789abcdef" });
    expect(src).toBe("https://mm.example/embed/head-to-head?board=V&a=x&b=y&snapshot=0123456789abcdef&h=300");
    expect(embedSrc("", "/embed/efficiency?snapshot=0123456789abcdef", { height: 440, snapshot: null })).toBe("/embed/efficiency?h=440");
    const html = iframeSnippet({ src, chartHeight: 300, title: 'A "vs" B <x>' });
    expect(html).toBe(
      `<iframe src="https://mm.example/embed/head-to-head?board=V&amp;a=x&amp;b=y&amp;snapshot=0123456789abcdef&amp;h=300" width="100%" height="${300 + EMBED_CHROME_PX}" style="border:0" loading="lazy" title="A &quot;vs&quot; B &lt;x&gt;"></iframe>`,
    );
  });

  it("knows which paths are embeds", () => {
    expect(isEmbedPath("/embed")).toBe(true);
    expect(isEmbedPath("/embed/efficiency")).toBe(true);
    expect(isEmbedPath("/embedded")).toBe(false);
    expect(isEmbedPath("/")).toBe(false);
    expect(isEmbedPath(null)).toBe(false);
  });
});
