import type { ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";

/**
 * The HTML of a rendered page once every Suspense boundary has resolved, as the streamed server
 * render sends it: unlike `renderToString`, it waits for lazily loaded client leaves (the charts,
 * see components/charts/lazy.tsx) instead of leaving their fallback.
 */
export async function renderToHtml(node: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(node);
  let html = "";
  for await (const chunk of prelude) html += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return html;
}
