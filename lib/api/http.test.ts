import { describe, expect, it } from "vitest";

import { csvField } from "./scores-csv";
import { conditionalJson, matchesIfNoneMatch, quotedEtag, snapshotEtag } from "./http";

describe("entity tags", () => {
  it("start with the snapshot id and differ per route and parameters", () => {
    const a = snapshotEtag("0123456789abcdef", "/api/v1/efficiency", "board=V&x=output");
    expect(a).toMatch(/^"0123456789abcdef-[A-Za-z0-9_-]{22}"$/);
    expect(snapshotEtag("0123456789abcdef", "/api/v1/efficiency", "board=V&x=total")).not.toBe(a);
    expect(snapshotEtag("0123456789abcdef", "/api/v1/order-bias", "board=V&x=output")).not.toBe(a);
    expect(snapshotEtag("fedcba9876543210", "/api/v1/efficiency", "board=V&x=output")).not.toBe(a);
    expect(quotedEtag('a"b c')).toBe('"a_b_c"');
  });

  it("match If-None-Match strongly, weakly, in a list or as *", () => {
    const etag = '"abc"';
    for (const h of ['"abc"', 'W/"abc"', '"x", "abc"', "*"]) expect(matchesIfNoneMatch(h, etag)).toBe(true);
    for (const h of [null, "", '"abcd"']) expect(matchesIfNoneMatch(h, etag)).toBe(false);
  });

  it("give 304 without a body, or 200 with cache headers by pin", async () => {
    const req = (inm?: string) => new Request("http://x/", { headers: inm ? { "if-none-match": inm } : {} });
    const ok = conditionalJson(req(), { a: 1 }, '"e"', false);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await ok.json()).toEqual({ a: 1 });
    const pinned = conditionalJson(req(), { a: 1 }, '"e"', true);
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const nm = conditionalJson(req('"e"'), { a: 1 }, '"e"', true);
    expect(nm.status).toBe(304);
    expect(await nm.text()).toBe("");
  });
});

describe("csvField", () => {
  it("quotes only when needed", () => {
    expect(csvField("medqa::base")).toBe("medqa::base");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(0.25)).toBe("0.25");
    expect(csvField(null)).toBe("");
  });
});
