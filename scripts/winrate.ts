// npm run winrate -- <runs dir> [--board V|OE] [--weights ln|sqrt|equal|cap] [--cap N]
//                    [--coverage all-models|per-model] [--orders folded|separate] [--missing neg-inf|zero] [--json]
// Scores a folder of run artifacts without any database: discover → scan (rewards only) → the later
// run of each (config, dataset) → lib/scoring → a ranked table, or Medmarks' own `winrate` JSON.
import { parseArgs } from "node:util";
import { discover } from "../lib/ingest/discover";
import { latestRuns, scanRun, type ScannedRun } from "../lib/ingest/scan";
import {
  BoardInputBuilder,
  DEFAULT_SETTINGS,
  resolveSettings,
  scoreBoardParallel,
  toMedmarksJson,
  type BoardResult,
  type Coverage,
  type MissingPolicy,
  type OrderMode,
  type ScoringSettings,
  type WeightPolicy,
} from "../lib/scoring";

const HELP = `usage: npm run winrate -- <runs dir> [options]

Mean win rate (Medmarks' ranking, spec §3) of the runs under <runs dir>, without a database.

  --board V|OE            score one board; by default each board found is scored separately
  --weights ln|sqrt|equal|cap   dataset weights (default ln = ln n_questions)
  --cap N                 the cap of --weights cap
  --coverage all-models|per-model   drop datasets some config lacks (default), or average per config
  --orders folded|separate          answer orders pooled as rollouts (default) or separate datasets
  --missing neg-inf|zero  a missing answer loses (default) or counts as 0
  --epsilon X             tie tolerance (default 1e-9)
  --include-config A,B    only these configurations    --exclude-config A,B
  --include-dataset X,Y   only these datasets (key, env or benchmark)    --exclude-dataset X,Y
  --replicates N          bootstrap replicates for the intervals (default 1000; 0 = none)
  --seed N                bootstrap seed (default ${DEFAULT_SETTINGS.bootstrap?.seed})
  --threads N             worker threads for the scoring (default: cores)
  --alias NAME            configuration alias for every run (default: manifest alias or catalog match)
  --json                  print Medmarks' winrate JSON ({"models": …, "datasets": …}); with several
                          boards, one object per board: {"V": …, "OE": …}
`;

const list = (v: string[] | undefined) => (v ?? []).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`--${name} must be one of ${allowed.join(", ")} (got ${v})`);
  return v as T;
}

const fmt = (x: number | null, d = 4) => (x === null ? "—" : x.toFixed(d));

function printTable(board: string, result: BoardResult, runs: number) {
  const s = result.settings;
  console.log(
    `\n${board} board — ${runs} runs, ${result.datasets.length} datasets scored · weights ${s.weights}${s.weights === "cap" ? ` (cap ${s.cap})` : ""}, ` +
      `coverage ${s.coverage}, orders ${s.orders}, missing ${s.missing}` +
      (result.bootstrap ? ` · 95% intervals: ${result.bootstrap.replicates} bootstrap replicates, seed ${result.bootstrap.seed}` : " · no intervals"),
  );
  const head = ["rank", "config", "weighted", "95% CI", "simple", "datasets", "rank 95%", "tie group"];
  const rows = result.configs.map((c) => [
    c.rank === null ? "—" : String(c.rank),
    c.config,
    fmt(c.weightedMean),
    c.ci ? `${fmt(c.ci.lo, 3)}–${fmt(c.ci.hi, 3)}` : "",
    fmt(c.simpleMean),
    String(c.nDatasets),
    c.rankInterval ? (c.rankInterval.lo === c.rankInterval.hi ? String(c.rankInterval.lo) : `${c.rankInterval.lo}–${c.rankInterval.hi}`) : "",
    c.tieGroup === null ? "" : String(c.tieGroup),
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 1 ? x.padEnd(width[i]) : x.padStart(width[i]))).join("  ");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  if (result.configs.some((c) => c.tieGroup !== null)) {
    console.log("tie group: configs whose 95% rank interval overlaps that of the group's first config (statistically tied with it)");
  }
  if (result.dropped.length) {
    console.log(`\ndropped datasets (coverage all-models: some configs have no run of them):`);
    for (const d of result.dropped) console.log(`  ${d.dataset}  lacking: ${d.missing.join(", ")}`);
  }
  for (const w of result.warnings) console.log(`warning: ${w}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      board: { type: "string" },
      weights: { type: "string" },
      cap: { type: "string" },
      coverage: { type: "string" },
      orders: { type: "string" },
      missing: { type: "string" },
      epsilon: { type: "string" },
      "include-config": { type: "string", multiple: true },
      "exclude-config": { type: "string", multiple: true },
      "include-dataset": { type: "string", multiple: true },
      "exclude-dataset": { type: "string", multiple: true },
      replicates: { type: "string" },
      seed: { type: "string" },
      threads: { type: "string" },
      alias: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const board = values.board === undefined ? null : oneOf("board", values.board, ["V", "OE"] as const, "V");
  const replicates = values.replicates === undefined ? (DEFAULT_SETTINGS.bootstrap?.replicates ?? 1000) : Number(values.replicates);
  const settings: ScoringSettings = resolveSettings({
    weights: oneOf<WeightPolicy>("weights", values.weights, ["ln", "sqrt", "equal", "cap"], "ln"),
    cap: values.cap === undefined ? undefined : Number(values.cap),
    coverage: oneOf<Coverage>("coverage", values.coverage, ["all-models", "per-model"], "all-models"),
    orders: oneOf<OrderMode>("orders", values.orders, ["folded", "separate"], "folded"),
    missing: oneOf<MissingPolicy>("missing", values.missing, ["neg-inf", "zero"], "neg-inf"),
    epsilon: values.epsilon === undefined ? DEFAULT_SETTINGS.epsilon : Number(values.epsilon),
    includeConfigs: list(values["include-config"]),
    excludeConfigs: list(values["exclude-config"]),
    includeDatasets: list(values["include-dataset"]),
    excludeDatasets: list(values["exclude-dataset"]),
    bootstrap: replicates > 0 ? { replicates, seed: values.seed === undefined ? (DEFAULT_SETTINGS.bootstrap?.seed ?? 0) : Number(values.seed) } : null,
  });

  const found = await discover(positionals[0]);
  for (const s of found.skipped) console.error(`skipped job ${s.jobId} of ${s.manifest}: ${s.reason}`);
  const scanned: ScannedRun[] = [];
  for (const run of found.runs) {
    if (run.problem) {
      console.error(`skipped ${run.dir}: ${run.problem.message}`);
      continue;
    }
    try {
      const r = await scanRun(run, values.alias ? { alias: values.alias } : {});
      if (!board || r.subset === board) scanned.push(r);
    } catch (e) {
      console.error(`skipped ${run.dir}: ${(e as Error).message}`);
    }
  }
  const kept = latestRuns(scanned);
  if (kept.length < scanned.length) console.error(`${scanned.length - kept.length} runs superseded by a later run of the same config and dataset`);
  const boards = board ? [board] : (["V", "OE"] as const).filter((b) => kept.some((r) => r.subset === b));
  if (boards.length === 0) {
    console.error(`no runs${board ? ` of the ${board} board` : ""} under ${positionals[0]}`);
    process.exit(1);
  }

  const out: Record<string, ReturnType<typeof toMedmarksJson>> = {};
  for (const b of boards) {
    const runs = kept.filter((r) => r.subset === b);
    const builder = new BoardInputBuilder(settings.orders);
    for (const r of runs) {
      for (const x of r.rewards) {
        builder.add({ config: r.config, separateKey: r.separateKey, foldedKey: r.foldedKey, benchmark: r.benchmark, exampleId: x.exampleId, reward: x.reward });
      }
      r.rewards = []; // in the builder now
    }
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    const result = await scoreBoardParallel(builder.build(), settings, { threads });
    if (values.json) out[b] = toMedmarksJson(result);
    else printTable(b, result, runs.length);
  }
  if (values.json) console.log(JSON.stringify(boards.length === 1 ? out[boards[0]] : out, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
