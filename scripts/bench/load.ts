// Benchmark (not a test): HTTP throughput and latency of the built app under load, against a static file.
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/load.ts [--duration 15] [--connections 50] [--demo-questions 60] [--no-gzip]
//
// Starts the app as `npm start` does (scripts/server.ts: Next behind the page cache) on a free port on 127.0.0.1 with a fresh DATA_DIR (embedded database) seeded
// with the demo data, waits until `/` answers 200, discovers a run and a sample, requests every
// target once (warm views), then runs autocannon against each target in turn (`--connections`
// keep-alive connections for `--duration` s, `accept-encoding: gzip` like a browser):
//   the leaderboard `/` · a benchmark page `/benchmarks/medqa` · a sample page
//   `/runs/<id>/samples/<exampleId>` · the leaderboard API `/api/v1/leaderboard?board=V` ·
//   the static baselines `/icon.svg` (prerendered metadata file) and one `/_next/static` chunk;
//   and, unless --skip-rendered, the leaderboard again with `Cache-Control: no-cache`, which the
//   page cache passes to Next: every request rendered (the cold path).
// Reports per target req/s, p50/p99 latency, errors, non-2xx and the server's peak RSS (process
// group, from /proc), the dynamic/static ratios for p99 and req/s against `/icon.svg`, and the goal
// (leaderboard ≥ 500 req/s, p99 within 2x of the static file's, 0 errors). Ends with a JSON line.
// The server (its process group) is killed and the temp dir removed at the end.
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { discover, getText, matches, startServer } from "./server";

interface TargetResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  kbPerRequest: number;
  peakRssMb: number;
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "15" },
      connections: { type: "string", default: "50" },
      "demo-questions": { type: "string", default: process.env.DEMO_QUESTIONS ?? "60" },
      "no-gzip": { type: "boolean", default: false },
      "skip-rendered": { type: "boolean", default: false },
    },
  });
  const duration = Math.min(300, Math.max(1, Number(values.duration)));
  const connections = Math.min(1000, Math.max(1, Number(values.connections)));
  const headers: Record<string, string> = values["no-gzip"] ? {} : { "accept-encoding": "gzip" };

  const t0 = Date.now();
  const server = await startServer(Number(values["demo-questions"]));
  try {
    console.log(`server up on ${server.baseURL} in ${((Date.now() - t0) / 1000).toFixed(1)} s (DEMO_QUESTIONS=${values["demo-questions"]}) · ${os.cpus().length} cores · Node ${process.version}`);
    const { runId, exampleId } = await discover(server.baseURL);
    const home = await getText(`${server.baseURL}/`);
    const chunk = matches(home, /<script src="(\/_next\/static\/[^"]+\.js)"/g)[0];
    // `rendered` targets send Cache-Control: no-cache, which the page cache in front of Next
    // (scripts/server.ts) passes through: they measure Next rendering every request.
    const targets: { name: string; path: string; rendered?: boolean }[] = [
      { name: "leaderboard", path: "/" },
      ...(values["skip-rendered"] ? [] : [{ name: "leaderboard rendered", path: "/", rendered: true }]),
      { name: "benchmark page", path: "/benchmarks/medqa" },
      { name: "sample page", path: `/runs/${runId}/samples/${encodeURIComponent(exampleId)}` },
      { name: "leaderboard API", path: "/api/v1/leaderboard?board=V" },
      { name: "static /icon.svg", path: "/icon.svg" },
      ...(chunk ? [{ name: "static chunk", path: chunk }] : []),
    ];
    // Warm: every target once (and it must answer 200 before we measure it).
    for (const t of targets) {
      const res = await fetch(server.baseURL + t.path, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`warm-up GET ${t.path} → ${res.status}`);
    }
    console.log(`${connections} connections × ${duration} s per target${headers["accept-encoding"] ? ", accept-encoding: gzip" : ""}; rss at rest ${(server.rss() / 2 ** 20).toFixed(0)} MB`);
    console.log(`${"target".padEnd(18)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"errors".padStart(7)} ${"non-2xx".padStart(8)} ${"kB/req".padStart(7)} ${"peak RSS".padStart(9)}  path`);
    const results: TargetResult[] = [];
    for (const t of targets) {
      let peak = server.rss();
      const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 500);
      const r = await autocannon({ url: server.baseURL + t.path, connections, duration, headers: t.rendered ? { ...headers, "cache-control": "no-cache" } : headers, pipelining: 1, timeout: 30 });
      clearInterval(sampler);
      const res: TargetResult = {
        name: t.name,
        path: t.path,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        requests: r.requests.total,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        kbPerRequest: r.requests.total ? Math.round(r.throughput.total / r.requests.total / 102.4) / 10 : 0,
        peakRssMb: Math.round(peak / 2 ** 20),
      };
      results.push(res);
      console.log(
        `${t.name.padEnd(18)} ${String(res.rps).padStart(8)} ${String(res.p50).padStart(8)} ${String(res.p99).padStart(8)} ${String(res.max).padStart(8)} ${String(res.errors).padStart(7)} ${String(res.non2xx).padStart(8)} ${String(res.kbPerRequest).padStart(7)} ${`${res.peakRssMb} MB`.padStart(9)}  ${t.path}`,
      );
      if (server.child.exitCode !== null) throw new Error(`server died under load:\n${server.log().slice(-4000)}`);
    }
    const stat = results.find((r) => r.path === "/icon.svg")!;
    const ratios = results
      .filter((r) => !r.name.startsWith("static"))
      .map((r) => ({ name: r.name, p99VsStatic: Math.round((r.p99 / Math.max(1, stat.p99)) * 10) / 10, rpsVsStatic: Math.round((r.rps / Math.max(1, stat.rps)) * 100) / 100 }));
    console.log(`\nvs static /icon.svg (p99 ${stat.p99} ms, ${stat.rps} req/s):`);
    for (const r of ratios) console.log(`  ${r.name.padEnd(18)} p99 ×${r.p99VsStatic}   req/s ×${r.rpsVsStatic}`);
    const lb = results[0];
    const goal = { rps: lb.rps >= 500, p99Within2x: lb.p99 <= 2 * Math.max(1, stat.p99), noErrors: results.every((r) => r.errors === 0 && r.non2xx === 0) };
    console.log(
      `goal (leaderboard ≥ 500 req/s: ${goal.rps ? "met" : "NOT met"}; p99 ≤ 2× static: ${goal.p99Within2x ? "met" : "NOT met"}; 0 errors/non-2xx on every target: ${goal.noErrors ? "met" : "NOT met"})`,
    );
    const serverErrors = server.log().split("\n").filter((l) => /error|⨯/i.test(l)).slice(0, 10);
    if (serverErrors.length) console.log(`server log errors (first 10):\n  ${serverErrors.join("\n  ")}`);
    console.log(JSON.stringify({ bench: "load", connections, duration, demoQuestions: Number(values["demo-questions"]), gzip: !values["no-gzip"], results, ratios, goal, serverLogErrors: serverErrors.length }));
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
