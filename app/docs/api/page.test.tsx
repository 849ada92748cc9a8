/** /docs/api renders every endpoint of the OpenAPI document with its parameters and an example curl. */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { listEndpoints } from "@/lib/api/openapi";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "explorer.example.org", "x-forwarded-proto": "https" }) }));

const { default: ApiDocsPage } = await import("./page");

describe("/docs/api", () => {
  it("lists every endpoint with method, path, parameters and a curl example on this host", async () => {
    const html = renderToString(await ApiDocsPage());
    const endpoints = listEndpoints();
    expect(html.match(/data-testid="api-endpoint"/g)).toHaveLength(endpoints.length);
    for (const e of endpoints) {
      expect(html).toContain(`id="${e.operationId}"`);
      expect(html).toContain(e.path.replace(/&/g, "&amp;"));
    }
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain("curl -s &quot;https://explorer.example.org/api/v1/leaderboard?board=OE&amp;weights=sqrt&quot;");
    expect(html).toContain("curl -sO -J &quot;https://explorer.example.org/api/v1/snapshots/&lt;snapshot id&gt;/scores.csv.gz&quot;");
    expect(html).toMatch(/>after<\/td>/); // the samples' keyset cursor parameter
    expect(html).toContain("max-age=31536000, immutable");
  });
});
