// Benchmark (not a test): first-load weight per route of the built app, what the browser downloads first.
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/page-weight.ts [--demo-questions 60] [--data-dir DIR (reuse/keep a seeded database)]
//
// Next 16 (Turbopack) no longer prints first-load JS in the `next build` table, and its manifests
// split a route's chunks over several files; so this measures the real thing instead: it starts
// the app (as `npm start` runs it) on 127.0.0.1 with a fresh DATA_DIR and the demo data (as scripts/bench/load.ts),
// fetches each route's HTML and sums the gzip size (zlib level 6, as the server's compression) of
// every `<script src>` chunk the HTML references, deduplicated. Also reports the gzip size of the
// HTML itself (it inlines the RSC payload) and of the stylesheets. Two kinds of script are counted
// apart from the first-load JS: `<script nomodule>` (Next's legacy polyfills, ~40 kB gzip: browsers
// with ES modules never download them; "JS+nomodule" is the sum the first version of this benchmark
// reported), and "deferred" chunks, preloaded with `<link rel="preload" as="script">` (next/dynamic
// with SSR, fetched at low priority, not needed to hydrate the page: e.g. the charts' recharts).
// Routes:
//   / · /benchmarks/medqa · /models/<first config> · /runs/<a run> · /efficiency · /order-bias ·
//   /compare?configs=<first>,<second> · /submit
// Goal: first-load JS ≤ 200 kB gzip on the leaderboard. Prints a table, then a JSON line.
// The server (its process group) is killed and the temp dir removed at the end.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { discover, matches, startServer } from "./server";

const GOAL_KB = 200;
const kB = (n: number) => Math.round(n / 102.4) / 10;
const gz = (b: Buffer) => zlib.gzipSync(b, { level: 6 }).length;

async function main() {
  const { values } = parseArgs({ options: { "demo-questions": { type: "string", default: process.env.DEMO_QUESTIONS ?? "60" }, "data-dir": { type: "string" } } });
  const server = await startServer({ demoQuestions: Number(values["demo-questions"]), dataDir: values["data-dir"] });
  try {
    const { configs, runId } = await discover(server.baseURL);
    const routes = ["/", "/benchmarks/medqa", `/models/${configs[0]}`, `/runs/${runId}`, "/efficiency", "/order-bias", `/compare?configs=${configs[0]},${configs[1]}`, "/submit"];
    const assetCache = new Map<string, { raw: number; gzip: number }>();
    const asset = async (src: string) => {
      const url = new URL(src, server.baseURL).href;
      let a = assetCache.get(url);
      if (!a) {
        const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
        if (!res.ok) throw new Error(`GET ${src} → ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        a = { raw: body.length, gzip: gz(body) };
        assetCache.set(url, a);
      }
      return a;
    };
    const rows = [];
    for (const route of routes) {
      const res = await fetch(server.baseURL + route);
      const html = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`GET ${route} → ${res.status}`);
      const text = html.toString("utf8");
      const scripts = matches(text, /<script(?![^>]*\snomodule)[^>]*\ssrc="([^"]+)"/gi);
      const nomodule = matches(text, /<script(?=[^>]*\snomodule)[^>]*\ssrc="([^"]+)"/gi);
      const preloads = matches(text, /<link(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"/g).filter((h) => !scripts.includes(h) && !nomodule.includes(h));
      const styles = matches(text, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g).concat(matches(text, /<link[^>]*href="([^"]+\.css[^"]*)"[^>]*rel="stylesheet"/g));
      let js = 0,
        jsRaw = 0,
        css = 0,
        legacy = 0,
        deferred = 0;
      for (const s of nomodule) legacy += (await asset(s)).gzip;
      for (const s of preloads) deferred += (await asset(s)).gzip;
      for (const s of scripts) {
        const a = await asset(s);
        js += a.gzip;
        jsRaw += a.raw;
      }
      for (const s of new Set(styles)) css += (await asset(s)).gzip;
      rows.push({ route, status: res.status, scripts: scripts.length, jsGzipKb: kB(js), jsRawKb: kB(jsRaw), nomoduleGzipKb: kB(legacy), jsWithNomoduleGzipKb: kB(js + legacy), deferredGzipKb: kB(deferred), htmlGzipKb: kB(gz(html)), htmlRawKb: kB(html.length), cssGzipKb: kB(css) });
    }
    console.log(`first-load weight per route (gzip level 6; DEMO_QUESTIONS=${values["demo-questions"]})`);
    console.log(`${"route".padEnd(46)} ${"scripts".padStart(7)} ${"JS gz kB".padStart(9)} ${"JS raw kB".padStart(10)} ${"JS+nomodule".padStart(12)} ${"deferred".padStart(9)} ${"HTML gz kB".padStart(11)} ${"HTML raw kB".padStart(12)} ${"CSS gz kB".padStart(10)}`);
    for (const r of rows) {
      console.log(
        `${r.route.padEnd(46)} ${String(r.scripts).padStart(7)} ${String(r.jsGzipKb).padStart(9)} ${String(r.jsRawKb).padStart(10)} ${String(r.jsWithNomoduleGzipKb).padStart(12)} ${String(r.deferredGzipKb).padStart(9)} ${String(r.htmlGzipKb).padStart(11)} ${String(r.htmlRawKb).padStart(12)} ${String(r.cssGzipKb).padStart(10)}`,
      );
    }
    const lb = rows[0];
    const goal = { leaderboardJsGzipKb: lb.jsGzipKb, limitKb: GOAL_KB, met: lb.jsGzipKb <= GOAL_KB };
    console.log(`goal (leaderboard first-load JS ≤ ${GOAL_KB} kB gzip): ${goal.met ? "met" : "NOT met"} (${lb.jsGzipKb} kB)`);
    console.log(JSON.stringify({ bench: "page-weight", demoQuestions: Number(values["demo-questions"]), routes: rows, goal }));
  } finally {
    server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
