/**
 * Generate the synthetic demo run set (Gen A artifacts) for the explorer.
 *
 *   npm run demo-data -- [--out <dir>] [--questions N]
 *
 * Defaults: --out .data/demo-runs, --questions 60 (at most 120). Progress on stderr, summary on stdout.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_QUESTIONS_PER_DATASET, generateDemoRuns, MAX_QUESTIONS_PER_DATASET } from "../lib/demo";

function usage(message?: string): never {
  if (message) console.error(`demo-data: ${message}`);
  console.error("usage: npm run demo-data -- [--out <dir>] [--questions N]");
  process.exit(2);
}

function parseArgs(argv: string[]): { out: string; questions: number } {
  let out = path.join(".data", "demo-runs");
  let questions = DEFAULT_QUESTIONS_PER_DATASET;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === "--out" || flag === "-o") out = value();
    else if (flag === "--questions" || flag === "-q") {
      const raw = value();
      questions = Number(raw);
      if (!Number.isInteger(questions) || questions < 1 || questions > MAX_QUESTIONS_PER_DATASET) {
        usage(`--questions must be an integer in 1..${MAX_QUESTIONS_PER_DATASET}, got ${raw}`);
      }
    } else if (flag === "--help" || flag === "-h") usage();
    else usage(`unknown argument ${arg}`);
  }
  return { out, questions };
}

async function folderBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((width * done) / total) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} runs`;
}

async function main() {
  const { out, questions } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  let last = -1;
  const tty = process.stderr.isTTY;
  const result = await generateDemoRuns(out, {
    questionsPerDataset: questions,
    onProgress: (done, total) => {
      // one line, redrawn in place on a terminal; in logs only the final state is printed
      const pct = Math.floor((100 * done) / total);
      if (done === total) process.stderr.write(`${tty ? "\r" : ""}${bar(done, total)}`);
      else if (tty && pct !== last) process.stderr.write(`\r${bar(done, total)}`);
      last = pct;
    },
  });
  process.stderr.write("\n");
  const seconds = (performance.now() - t0) / 1000;
  const { bytes, files } = await folderBytes(out);
  console.log(
    `demo-data: ${result.runs} runs, ${result.rows} rows, ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s -> ${path.resolve(result.dir)}`,
  );
}

main().catch((err) => {
  console.error(`demo-data: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
