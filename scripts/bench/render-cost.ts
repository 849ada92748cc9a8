// Benchmark (not a test): what one server render of a page costs, measured without concurrency so
// that it is readable on a shared machine: server CPU time per request (from /proc, the server's
// whole process group) besides wall time, and what the response weighs (HTML, inlined RSC payload,
// elements, and the RSC payload a client-side navigation fetches).
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/render-cost.ts [--requests 40] [--demo-questions 60] [--data-dir DIR] [--paths /,/?board=OE]
//
// Starts the built app (scripts/bench/server.ts: 127.0.0.1, fresh embedded database with the demo
// data, or --data-dir to reuse/keep one), requests each path 3 times to warm it, then `--requests`
// times one after another with `Cache-Control: no-cache` (past any page cache) and
// `accept-encoding: gzip`. Per path: wall ms (p50, mean), server CPU ms per request (user+system
// of the process group over the run / requests; 10 ms clock ticks, so use ≥ 20 requests), HTML raw
// and gzip kB, the share of the HTML that is the inlined RSC payload (`self.__next_f.push`),
// elements in the HTML, and the raw kB of the `RSC: 1` payload. Ends with a JSON line. CPU time is
// the figure to compare across runs: wall time also counts waiting for other processes' CPU.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { startServer } from "./server";

const kB = (n: number) => Math.round(n / 102.4) / 10;
const TICKS_PER_S = 100; // Linux USER_HZ

/** User+system CPU ticks of every process in process group `pgid`. */
function groupCpuTicks(pgid: number): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) !== pgid) continue;
      total += Number(rest[11]) + Number(rest[12]); // utime, stime
    } catch {
      /* gone */
    }
  }
  return total;
}

/** The inlined RSC payload: the string arguments of `self.__next_f.push([1,"..."])`, decoded. */
export function inlinedRscBytes(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    n += Buffer.byteLength(JSON.parse(m[1]) as string);
  }
  return n;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "40" },
      "demo-questions": { type: "string", default: process.env.DEMO_QUESTIONS ?? "60" },
      "data-dir": { type: "string" },
      paths: { type: "string", default: "/,/?board=OE,/embed/leaderboard" },
    },
  });
  const n = Number(values.requests);
  const paths = values.paths!.split(",").map((p) => p.trim()).filter(Boolean);
  const server = await startServer({ demoQuestions: Number(values["demo-questions"]), dataDir: values["data-dir"] });
  const pgid = server.child.pid!;
  const headers = { "accept-encoding": "gzip", "cache-control": "no-cache" };
  try {
    const rows = [];
    for (const p of paths) {
      const url = server.baseURL + p;
      for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer();
      const plain = await fetch(url, { headers: { "cache-control": "no-cache" } });
      if (plain.status !== 200) throw new Error(`GET ${p} → ${plain.status}`);
      const html = await plain.text();
      const rsc = await fetch(url, { headers: { ...headers, rsc: "1" } });
      const rscRaw = Buffer.byteLength(await rsc.text());
      const walls: number[] = [];
      const cpu0 = groupCpuTicks(pgid);
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET ${p} → ${res.status}`);
        walls.push(performance.now() - t);
      }
      const cpuMs = ((groupCpuTicks(pgid) - cpu0) / TICKS_PER_S / n) * 1000;
      const bytes = Buffer.byteLength(html);
      const inlined = inlinedRscBytes(html);
      rows.push({
        path: p,
        requests: n,
        wallP50Ms: Math.round(pct(walls, 50)),
        wallMeanMs: Math.round(walls.reduce((a, b) => a + b, 0) / n),
        cpuMsPerRequest: Math.round(cpuMs),
        htmlRawKb: kB(bytes),
        htmlGzipKb: kB(zlib.gzipSync(html, { level: 6 }).length),
        inlinedRscKb: kB(inlined),
        elements: (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length,
        rscNavRawKb: kB(rscRaw),
      });
    }
    console.log(`server render cost, ${n} sequential requests per path (Cache-Control: no-cache, gzip)`);
    const cols = ["path", "wall p50", "wall mean", "CPU ms/req", "HTML kB", "HTML gz kB", "inlined RSC kB", "elements", "RSC nav kB"];
    console.log([cols[0].padEnd(28), ...cols.slice(1).map((c) => c.padStart(c.length + 2))].join(""));
    for (const r of rows) {
      const cells = [r.wallP50Ms, r.wallMeanMs, r.cpuMsPerRequest, r.htmlRawKb, r.htmlGzipKb, r.inlinedRscKb, r.elements, r.rscNavRawKb];
      console.log([r.path.padEnd(28), ...cells.map((c, i) => String(c).padStart(cols[i + 1].length + 2))].join(""));
    }
    console.log(JSON.stringify({ bench: "render-cost", requests: n, demoQuestions: Number(values["demo-questions"]), routes: rows }));
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
