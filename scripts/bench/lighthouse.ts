// Benchmark (not a test): Lighthouse performance and accessibility scores of the main pages, in the
// local Chromium.
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/lighthouse.ts [--runs 1] [--preset desktop|mobile] [--demo-questions 60] [--only /,/models]
//
// Starts the built app (scripts/bench/server.ts: as `npm start` runs it, on 127.0.0.1, fresh embedded database
// with the demo data), requests every page once (warm), then runs Lighthouse 12 (the `lighthouse`
// npm package, Node API) on each main page as an anonymous visitor, in /usr/bin/chromium launched by
// chrome-launcher (headless, no sandbox, no GPU, no QUIC, no background networking). The preset is
// Lighthouse's desktop config by default (simulated throttling: 40 ms RTT, 10 Mbit/s, no CPU
// slowdown; 1350×940 screen); `--preset mobile` uses the default config (slow 4G, 4x CPU
// slowdown). With `--runs N` each page is audited N times and the run with the median
// performance score is kept. Only the performance and accessibility categories run.
// Reports per page: both scores (0–100, goal ≥ 95), FCP, LCP, TBT, CLS, Speed Index, the
// transferred bytes and script bytes, the failing accessibility audits and the biggest performance
// costs (diagnostics with savings). Ends with a JSON line. Note: 2 shared cores make TBT noisy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config } from "lighthouse";
import { mainPages } from "./main-pages";
import { startServer } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const GOAL = 95;

interface PageResult {
  label: string;
  path: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  siMs: number;
  totalKb: number;
  scriptKb: number;
  a11yFailures: string[];
  perfCosts: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Lhr = any;

function summarize(label: string, pagePath: string, lhr: Lhr): PageResult {
  const a = lhr.audits;
  const num = (id: string) => Number(a[id]?.numericValue ?? NaN);
  const byType = (a["resource-summary"]?.details?.items ?? []) as { resourceType: string; transferSize: number }[];
  const kb = (t: string) => Math.round((byType.find((i) => i.resourceType === t)?.transferSize ?? 0) / 1024);
  const a11yFailures = (lhr.categories.accessibility.auditRefs as { id: string; weight: number }[])
    .filter((r) => r.weight > 0 && a[r.id]?.score !== null && a[r.id]?.score < 1)
    .map((r) => `${r.id} (weight ${r.weight}): ${a[r.id].title}`);
  // Performance: the metrics that lost points, then diagnostics/opportunities that report savings.
  const metricIds = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
  const lost = metricIds.filter((id) => a[id]?.score !== null && a[id]?.score < 0.9).map((id) => `${id} ${a[id].displayValue} (score ${a[id].score})`);
  const costs = Object.values(a as Record<string, { id: string; score: number | null; displayValue?: string; details?: { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number } }>)
    .filter((x) => x.score !== null && x.score < 0.9 && ((x.details?.overallSavingsMs ?? 0) > 50 || (x.details?.overallSavingsBytes ?? 0) > 20_000 || ["bootup-time", "mainthread-work-breakdown", "total-byte-weight", "dom-size"].includes(x.id)))
    .map((x) => `${x.id}${x.displayValue ? ` ${x.displayValue}` : ""}`);
  return {
    label,
    path: pagePath,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    fcpMs: Math.round(num("first-contentful-paint")),
    lcpMs: Math.round(num("largest-contentful-paint")),
    tbtMs: Math.round(num("total-blocking-time")),
    cls: Math.round(num("cumulative-layout-shift") * 1000) / 1000,
    siMs: Math.round(num("speed-index")),
    totalKb: Math.round(num("total-byte-weight") / 1024),
    scriptKb: kb("script"),
    a11yFailures,
    perfCosts: [...lost, ...costs],
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "1" },
      preset: { type: "string", default: "desktop" },
      "demo-questions": { type: "string", default: process.env.DEMO_QUESTIONS ?? "60" },
      only: { type: "string", default: "" },
    },
  });
  const runs = Math.min(5, Math.max(1, Number(values.runs)));
  const preset = values.preset === "mobile" ? "mobile" : "desktop";
  const config: Config | undefined = preset === "desktop" ? desktopConfig : undefined;
  const only = values.only ? values.only.split(",") : null;

  const t0 = Date.now();
  const server = await startServer(Number(values["demo-questions"]));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-lighthouse-"));
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    console.log(`server up on ${server.baseURL} in ${((Date.now() - t0) / 1000).toFixed(1)} s (DEMO_QUESTIONS=${values["demo-questions"]}) · ${os.cpus().length} cores · Node ${process.version}`);
    let pages = await mainPages(server.baseURL);
    if (only) pages = pages.filter(([, p]) => only.includes(p));
    for (const [, p] of pages) await fetch(`${server.baseURL}${p}`).then((r) => r.arrayBuffer()); // warm
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, userDataDir, logLevel: "silent" });
    const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser;
    const lhVersion = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../node_modules/lighthouse/package.json"), "utf8")).version;
    const load = () => os.loadavg()[0].toFixed(1);
    const loadBefore = load();
    console.log(`Lighthouse ${lhVersion} · ${version} · preset ${preset} · ${runs} run(s) per page (median performance kept) · load average ${loadBefore} on ${os.cpus().length} cores (TBT grows with CPU contention)\n`);

    const results: PageResult[] = [];
    for (const [label, p] of pages) {
      const tries: PageResult[] = [];
      for (let i = 0; i < runs; i++) {
        const res = await lighthouse(`${server.baseURL}${p}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] }, config);
        if (!res) throw new Error(`lighthouse returned nothing for ${p}`);
        if (res.lhr.runtimeError) throw new Error(`lighthouse failed on ${p}: ${res.lhr.runtimeError.code} ${res.lhr.runtimeError.message}`);
        tries.push(summarize(label, p, res.lhr));
      }
      tries.sort((x, y) => x.performance - y.performance);
      const r = tries[Math.floor(tries.length / 2)];
      results.push(r);
      console.log(
        `${label.padEnd(15)} perf ${String(r.performance).padStart(3)}  a11y ${String(r.accessibility).padStart(3)}  FCP ${String(r.fcpMs).padStart(5)} ms  LCP ${String(r.lcpMs).padStart(5)} ms  TBT ${String(r.tbtMs).padStart(4)} ms  CLS ${r.cls.toFixed(3)}  SI ${String(r.siMs).padStart(5)} ms  ${String(r.totalKb).padStart(5)} kB (JS ${r.scriptKb} kB)  ${p}`,
      );
    }

    console.log("\nbelow the goal (≥ 95):");
    let any = false;
    for (const r of results) {
      if (r.accessibility < GOAL || r.a11yFailures.length) {
        any = true;
        console.log(`  ${r.label} accessibility ${r.accessibility}: ${r.a11yFailures.join("; ") || "-"}`);
      }
      if (r.performance < GOAL) {
        any = true;
        console.log(`  ${r.label} performance ${r.performance}: ${r.perfCosts.join("; ") || "-"}`);
      }
    }
    if (!any) console.log("  none");
    const mean = (k: "performance" | "accessibility") => Math.round((results.reduce((s, r) => s + r[k], 0) / results.length) * 10) / 10;
    const goal = { performance: results.every((r) => r.performance >= GOAL), accessibility: results.every((r) => r.accessibility >= GOAL) };
    console.log(`\nmean performance ${mean("performance")} · mean accessibility ${mean("accessibility")} · goal ≥ ${GOAL} on every page: performance ${goal.performance ? "met" : "NOT met"}, accessibility ${goal.accessibility ? "met" : "NOT met"}`);
    console.log(JSON.stringify({ bench: "lighthouse", lighthouse: lhVersion, chromium: version, preset, runs, loadAverage: { before: Number(loadBefore), after: Number(load()) }, demoQuestions: Number(values["demo-questions"]), pages: results, mean: { performance: mean("performance"), accessibility: mean("accessibility") }, goal }));
  } finally {
    await chrome?.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
