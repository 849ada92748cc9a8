/**
 * The OpenAPI 3.1 document of the public read API (`GET /api/v1/openapi.json`), written by hand:
 * every route, its parameters and the schema of its answer, so field names are a documented
 * contract. Kept honest by tests: every `app/api/v1/**\/route.ts` (except the upload endpoints
 * under /submissions) has a path here and every path here has a route, and the routes' actual
 * answers validate against these schemas.
 *
 * Schemas list the fields every answer has (`required`); nullable fields are typed `[T, "null"]`.
 * Objects allow further properties: fields may be added, never renamed or removed within v1.
 */

export type JsonSchema = { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Schema builders

const d = (description?: string) => (description ? { description } : {});
const str = (description?: string): JsonSchema => ({ type: "string", ...d(description) });
const num = (description?: string): JsonSchema => ({ type: "number", ...d(description) });
const int = (description?: string): JsonSchema => ({ type: "integer", ...d(description) });
const bool = (description?: string): JsonSchema => ({ type: "boolean", ...d(description) });
const en = (values: readonly string[], description?: string): JsonSchema => ({ type: "string", enum: [...values], ...d(description) });
/** The same schema, null allowed. */
const orNull = (s: JsonSchema): JsonSchema => {
  if (typeof s.type === "string") return { ...s, type: [s.type, "null"], ...(Array.isArray(s.enum) ? { enum: [...s.enum, null] } : {}) };
  return { anyOf: [s, { type: "null" }], ...(s.description ? { description: s.description } : {}) };
};
const arr = (items: JsonSchema, description?: string): JsonSchema => ({ type: "array", items, ...d(description) });
/** An object whose listed properties are all required (optional ones in `optional`). */
const obj = (properties: Record<string, JsonSchema>, description?: string, optional: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: "object",
  properties: { ...properties, ...optional },
  required: Object.keys(properties),
  ...d(description),
});
/** Free-form JSON (jsonb columns as the harness wrote them). */
const any = (description?: string): JsonSchema => ({ ...d(description) });
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const BOARD = ["V", "OE"] as const;
const GROUP = ["proprietary", "open-weight", "medical", "quantized"] as const;
const PROVENANCE = ["official", "community", "demo"] as const;
const STATUS = ["published", "pending", "superseded", "rejected"] as const;
const interval = orNull(obj({ lo: num(), hi: num() }, "95% interval"));
const group = orNull(en(GROUP, "Model group (palette of every chart)"));

// ---------------------------------------------------------------------------------------------
// Component schemas

const schemas: Record<string, JsonSchema> = {
  Snapshot: obj(
    {
      id: str("Snapshot id: 16 lowercase hex digits, a content hash of the published run set"),
      createdAt: str("ISO 8601 time the snapshot was first made"),
      runCount: int("Published runs in the snapshot"),
    },
    "The snapshot the answer was computed from. Pass its id as `snapshot=` to get the same answer later.",
  ),
  Error: obj(
    { error: str("What went wrong, one sentence per problem"), status: int("The HTTP status") },
    "Every 4xx/5xx answer",
    { issues: arr(ref("ParamIssue"), "400 only: one entry per invalid parameter") },
  ),
  ParamIssue: obj({ param: str("Parameter name"), value: str("The value given"), message: str("Why it is invalid and what is accepted") }),

  LeaderboardSettings: obj({
    weights: en(["ln", "sqrt", "equal", "cap"]),
    cap: orNull(int()),
    coverage: en(["all-models", "per-model"]),
    orders: en(["folded", "separate"]),
    missing: en(["neg-inf", "zero"]),
    data: en(["auto", "real", "official", "community", "demo", "all"]),
  }),
  CellScore: obj({
    score: num("Mean over the benchmark's datasets of the average reward, in [0, 1]"),
    lo: orNull(num()),
    hi: orNull(num()),
    n: int("Questions answered"),
    datasets: arr(obj({ key: str(), label: str(), score: orNull(num()), n: int() })),
  }),
  LeaderboardRow: obj({
    rank: int(),
    rankLo: int("95% bootstrap rank interval"),
    rankHi: int(),
    tieGroup: int("Rows sharing a tie group are statistically tied"),
    config: str("Configuration slug"),
    displayName: str(),
    modelId: str(),
    modelName: str(),
    org: orNull(str()),
    group,
    reasoningEffort: orNull(str()),
    paramsB: orNull(num("Parameters, billions")),
    inCatalog: bool(),
    weighted: num("The ranking figure: weighted mean win rate in [0, 1]"),
    weightedLo: orNull(num()),
    weightedHi: orNull(num()),
    simple: num("Unweighted mean win rate"),
    nDatasets: int(),
    meanScore: orNull(num("Mean of the per-benchmark scores")),
    meanOutputTokens: orNull(num("Mean output tokens per question")),
    benchmarks: { type: "object", additionalProperties: orNull(ref("CellScore")), description: "Keyed by benchmark slug; null = not run" },
    rankChange: orNull(int("Rank under default settings minus rank now")),
    synthetic: bool(),
  }),
  Leaderboard: obj({
    board: en(BOARD),
    settings: ref("LeaderboardSettings"),
    snapshot: ref("Snapshot"),
    synthetic: bool("The rows are the synthetic demo runs"),
    benchmarks: arr(obj({ slug: str(), name: str(), taskType: str(), inThirty: bool(), inCatalog: bool(), datasets: arr(obj({ key: str(), label: str() })) })),
    rows: arr(ref("LeaderboardRow"), "Ranked configurations, rank order"),
    dropped: arr(obj({ key: str(), benchmark: str(), missing: arr(str()) }), "Datasets left out by all-models coverage"),
    replicates: int("Bootstrap replicates behind the intervals"),
    computedAt: str(),
  }),

  BenchmarkIndexRow: obj({
    slug: str(),
    name: str(),
    subset: en(BOARD),
    inCatalog: bool(),
    inThirty: bool(),
    medmarksT: bool(),
    taskType: str(),
    metricKey: orNull(str()),
    nQuestions: orNull(int()),
    license: orNull(str()),
  }),
  BenchmarkList: obj({ snapshot: ref("Snapshot"), benchmarks: arr(ref("BenchmarkIndexRow")) }),
  BenchmarkRankingRow: obj({
    rank: int(),
    config: str(),
    displayName: str(),
    group,
    score: num(),
    lo: orNull(num()),
    hi: orNull(num()),
    n: int(),
    datasets: arr(obj({ key: str(), score: orNull(num()), lo: orNull(num()), hi: orNull(num()), n: int(), runIds: arr(int(), "The runs behind the number") })),
  }),
  Benchmark: obj(
    {
      snapshot: ref("Snapshot"),
      synthetic: bool(),
      slug: str(),
      name: str(),
      subset: en(BOARD),
      inCatalog: bool(),
      inThirty: bool(),
      medmarksT: bool(),
      taskType: str(),
      metric: orNull(obj({ key: str(), description: str(), scale: str(), decimals: int() })),
      judged: bool(),
      judgeModels: arr(str()),
      nQuestions: orNull(int()),
      nTraining: orNull(int()),
      license: orNull(str()),
      description: orNull(str()),
      url: orNull(str()),
      bibtex: orNull(str()),
      variants: arr(
        obj({
          envId: str(),
          variantId: str(),
          subtask: str(),
          orderSeed: orNull(int()),
          repeat: int(),
          nQuestions: orNull(int()),
          publishedRuns: int(),
          hasRun: bool(),
        }),
      ),
      board: obj({
        subset: en(BOARD),
        snapshotId: str(),
        snapshotCreatedAt: str(),
        synthetic: bool(),
        datasets: arr(obj({ key: str(), label: str(), nQuestions: int() })),
        dropped: arr(obj({ key: str(), missing: arr(str()) })),
      }),
      ranking: arr(ref("BenchmarkRankingRow")),
    },
    undefined,
    {
      insight: obj(
        {
          slug: str(),
          subset: en(BOARD),
          snapshotId: str(),
          synthetic: bool(),
          binaryMetric: bool(),
          runCount: int(),
          scoreSource: en(["board", "runs"]),
          subtasks: arr({ type: "object" }),
          subtaskRows: arr({ type: "object" }),
          judges: { type: "object" },
          questions: { type: "object" },
          distribution: { type: "object" },
        },
        "With include=insight: per-subtask scores, judges, question lists, score distributions",
      ),
    },
  ),

  ConfigIndexRow: obj({
    slug: str(),
    displayName: str(),
    group,
    modelId: str(),
    modelName: str(),
    org: orNull(str()),
    paramsB: orNull(num()),
    reasoningEffort: orNull(str()),
    inCatalog: bool(),
    publishedRuns: int(),
    demoOnly: bool(),
    rankV: orNull(int()),
    rankOE: orNull(int()),
    winRateV: orNull(num()),
    winRateOE: orNull(num()),
  }),
  ConfigurationList: obj({
    snapshot: ref("Snapshot"),
    synthetic: bool("Either board shows the synthetic demo runs"),
    boards: obj({ V: obj({ synthetic: bool(), ranked: int() }), OE: obj({ synthetic: bool(), ranked: int() }) }),
    configurations: arr(ref("ConfigIndexRow"), "By V rank, then OE rank, then name; configurations without runs last"),
  }),
  ConfigBoard: obj({
    board: en(BOARD),
    synthetic: bool(),
    computedAt: str(),
    nRanked: int(),
    nBoardDatasets: int(),
    ranked: bool(),
    rank: orNull(int()),
    rankLo: orNull(int()),
    rankHi: orNull(int()),
    tiedWith: arr(obj({ config: str(), displayName: str(), rank: orNull(int()) })),
    winRate: orNull(num()),
    winRateLo: orNull(num()),
    winRateHi: orNull(num()),
    simpleWinRate: orNull(num()),
    nDatasets: int(),
    outputTokensPerQuestion: orNull(num()),
    benchmarks: arr(
      obj({
        slug: str(),
        name: str(),
        scored: bool(),
        score: orNull(num()),
        lo: orNull(num()),
        hi: orNull(num()),
        median: orNull(num()),
        delta: orNull(num()),
        rank: orNull(int()),
        nConfigs: int(),
        why: orNull(str()),
      }),
    ),
    droppedForThis: arr(obj({ key: str(), benchmark: str() })),
  }),
  ConfigRun: obj({
    id: int(),
    benchmark: obj({ slug: str(), name: str(), subset: en(BOARD) }),
    datasetKey: str(),
    status: en(STATUS, "Pinned: as of the snapshot (published)"),
    provenance: en(PROVENANCE),
    supersededBy: orNull(int()),
    expectedRows: orNull(int()),
    observedRows: int(),
    observedQuestions: int(),
    completeness: orNull(num()),
    ingestedAt: str(),
    onBoard: bool(),
  }),
  Configuration: obj({
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    slug: str(),
    displayName: str(),
    inCatalog: bool(),
    reasoningEffort: orNull(str()),
    model: obj({
      id: str(),
      providerId: str(),
      displayName: str(),
      org: orNull(str()),
      group,
      paramsB: orNull(num()),
      activeParamsB: orNull(num()),
      openWeights: orNull(bool()),
      reasoning: orNull(bool()),
      inCatalog: bool(),
      base: orNull(obj({ id: str(), displayName: str() })),
    }),
    sampling: obj({ config: any("The configuration's sampling arguments"), observed: arr({ type: "object" }), differsFromConfig: bool(), runsDiffer: bool() }),
    boards: arr(ref("ConfigBoard"), "V then OE, default settings"),
    tokens: arr({ type: "object" }, "Token and latency statistics: all shown rollouts, then per board"),
    siblings: arr({ type: "object" }, "Other efforts, quantizations, base and fine-tunes of the model"),
    coverage: arr({ type: "object" }, "Suite coverage per board"),
    runs: arr(ref("ConfigRun"), "Runs of the configuration (pinned: the snapshot's)"),
  }),

  Run: obj({
    snapshot: ref("Snapshot"),
    synthetic: bool("A synthetic demo run"),
    inSnapshot: bool("The snapshot holds this run"),
    id: int(),
    status: en(STATUS, "Pinned: as of the snapshot (published)"),
    supersededBy: orNull(int()),
    supersedes: arr(int()),
    provenance: en(PROVENANCE),
    format: str("Artifact format: A, A1, B, C or parquet"),
    contentSha256: str("sha256 of the artifacts"),
    source: str(),
    ingestedAt: str(),
    runAt: orNull(str()),
    expectedRows: orNull(int()),
    observedRows: int(),
    observedQuestions: int(),
    completeness: orNull(num()),
    providerModel: str(),
    config: obj({ slug: str(), displayName: str(), group: orNull(str()), inCatalog: bool() }),
    benchmark: obj({ slug: str(), name: str(), subset: en(BOARD) }),
    dataset: obj({ id: int(), key: str(), subtask: str(), orderSeed: orNull(int()), repeat: int() }),
    envArgs: any(),
    samplingArgs: any(),
    judgeModels: arr(str()),
    versionInfo: any("Harness and environment versions"),
    avgRewardMetadata: orNull(num("avg_reward as stated in metadata.json")),
    stats: obj({ meanReward: orNull(num()), errors: int(), truncated: int(), meanOutputTokens: orNull(num()), meanLatencyMs: orNull(num()) }),
  }),
  SampleRow: obj({
    exampleId: str(),
    rolloutIndex: int(),
    reward: orNull(num()),
    gold: orNull(str()),
    parsedAnswer: orNull(str()),
    chosenText: orNull(str()),
    mismatch: bool("Parsed answer and gold both present and different"),
    inputTokens: orNull(int()),
    outputTokens: orNull(int()),
    reasoningTokens: orNull(int()),
    latencyMs: orNull(int()),
    error: bool(),
    errorText: orNull(str()),
    truncated: orNull(bool()),
    hasReasoning: bool(),
    excerpt: str("One line of the completion"),
  }),
  SamplePage: obj({
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    runId: int(),
    params: { type: "object", description: "The parameters the page was read with (sort, dir, filters, size, after, before)" },
    rows: arr(ref("SampleRow")),
    matching: int("Rows matching the filters"),
    total: int("Rows of the run"),
    nextCursor: orNull(str("Pass as after= for the next page; null on the last page")),
    prevCursor: orNull(str("Pass as before= for the previous page; null on the first page")),
    isFirstPage: bool(),
    links: obj({ first: str(), next: orNull(str()), prev: orNull(str()) }),
  }),
  Sample: obj({
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    run: obj({
      id: int(),
      status: en(STATUS),
      provenance: en(PROVENANCE),
      format: str(),
      providerModel: str(),
      judgeModels: arr(str()),
      config: obj({ slug: str(), displayName: str(), group: orNull(str()) }),
      benchmark: obj({ slug: str(), name: str(), subset: en(BOARD) }),
      dataset: obj({ id: int(), key: str(), foldedKey: str(), envId: str(), variantId: str(), subtask: str(), orderSeed: orNull(int()), repeat: int() }),
    }),
    exampleId: str(),
    rolloutIndex: int(),
    rollout: obj({
      reward: orNull(num()),
      metrics: arr(obj({ key: str(), value: num() })),
      gold: orNull(str()),
      parsedAnswer: orNull(str()),
      chosenText: orNull(str()),
      inputTokens: orNull(int()),
      outputTokens: orNull(int()),
      reasoningTokens: orNull(int()),
      latencyMs: orNull(int()),
      error: orNull(str()),
      stopCondition: orNull(str()),
      truncated: orNull(bool()),
      hasReasoning: bool(),
    }),
    transcript: orNull(
      obj({
        prompt: arr(ref("Message")),
        completion: arr(ref("Message")),
        info: arr(obj({ key: str(), text: str() })),
      }),
    ),
    options: orNull(
      obj({
        rows: arr(obj({ label: str(), text: str(), gold: bool(), chosen: bool(), originalLabel: orNull(str()), originalPosition: orNull(int()) })),
        source: en(["info", "prompt"]),
        shuffled: bool(),
        originalRunId: orNull(int()),
      }),
    ),
    judges: arr({ type: "object" }, "Judge rounds and verdicts"),
    rollouts: arr(obj({ rolloutIndex: int(), reward: orNull(num()) })),
    orders: arr(obj({ orderSeed: orNull(int()), datasetKey: str(), runId: int(), status: en(STATUS), current: bool(), rewards: arr(orNull(num())) })),
    question: obj({ benchmarkSlug: str(), foldedKey: str(), exampleId: str() }),
  }),
  Message: obj({ role: str(), content: str(), reasoning: orNull(str()), toolCalls: orNull(str()), extra: orNull(str()) }, "A message as plain text (untrusted model output)"),

  HeadToHead: obj({
    board: en(BOARD),
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    computedAt: str(),
    weights: str(),
    configs: arr(obj({ config: str(), displayName: str(), group, rank: int(), winRate: num() }), "Rows and columns of the matrices, rank order"),
    weighted: arr(orNull(num()), "Row-major n × n: weighted[i*n+j] = wr(configs[i] vs configs[j]); null on the diagonal"),
    simple: arr(orNull(num()), "Same layout, unweighted"),
    nDatasets: arr(int(), "Same layout: datasets the pair shares"),
    nBoardDatasets: int(),
    selection: orNull(
      obj({
        status: en(["ok"]),
        a: str(),
        b: str(),
        cell: obj({
          a: str(),
          b: str(),
          weighted: num(),
          simple: num(),
          nDatasets: int(),
          datasets: arr(
            obj({ key: str(), benchmark: str(), benchmarkName: str(), label: str(), wr: num(), weight: num(), nQuestions: int(), scoreA: orNull(num()), scoreB: orNull(num()) }),
          ),
        }),
      }),
    ),
  }),

  OrderBiasConfigRow: obj({
    config: str(),
    displayName: str(),
    group,
    boardRank: orNull(int()),
    sensitivityRank: orNull(int()),
    sensitivity: orNull(num("Mean |accuracy delta| of the shuffled orders against the original")),
    meanDelta: orNull(num()),
    flipRate: orNull(num()),
    anyFlipRate: orNull(num()),
    consistency: orNull(num()),
    nDatasets: int(),
    nCells: int(),
  }),
  OrderBiasCell: obj({
    config: str(),
    benchmark: str(),
    foldedKey: str(),
    runs: arr(obj({ id: int(), orderSeed: orNull(int()) })),
    orders: arr(obj({ orderSeed: orNull(int()), n: int(), accuracy: orNull(num()), ci: interval, nAnswered: int() })),
    shuffles: arr({ type: "object" }),
    meanDelta: orNull(num()),
    sensitivity: orNull(num()),
    anyFlip: obj({ n: int(), count: int(), rate: orNull(num()) }),
    consistency: obj({ n: int(), count: int(), rate: orNull(num()) }),
    positions: arr({ type: "object" }),
    positionsSkipped: obj({ noOptions: int(), noGold: int(), noChoice: int() }),
    missing: orNull(str()),
  }),
  OrderBias: obj({
    board: en(BOARD),
    data: en(["auto", "real", "demo", "all"]),
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    computedAt: str(),
    replicates: int(),
    benchmarks: arr(obj({ slug: str(), name: str(), datasets: arr(str()), note: orNull(str()) })),
    datasets: arr(obj({ benchmark: str(), foldedKey: str(), subtask: str(), orderSeeds: arr(int()), nConfigs: int() })),
    configs: arr(ref("OrderBiasConfigRow")),
    cells: arr(ref("OrderBiasCell")),
    heatmap: arr({ type: "object" }),
    mostFlipped: arr({ type: "object" }),
    mostFlippedByConfig: { type: "object", additionalProperties: arr({ type: "object" }) },
  }),
  OrderBiasDetail: obj({
    config: str(),
    displayName: str(),
    group,
    board: en(BOARD),
    data: en(["auto", "real", "demo", "all"]),
    snapshot: ref("Snapshot"),
    synthetic: bool(),
    computedAt: str(),
    replicates: int("Bootstrap replicates behind the intervals"),
    cells: arr(ref("OrderBiasCell")),
    positions: arr(obj({ position: str(), n: int(), rateChosen: orNull(num()), rateCorrect: orNull(num()), preference: orNull(num()) })),
  }),

  EfficiencyPoint: obj({
    config: str(),
    displayName: str(),
    modelId: str(),
    modelName: str(),
    group,
    effort: orNull(str()),
    y: num("Weighted mean win rate (or the benchmark's mean score), in [0, 1]"),
    yLo: orNull(num()),
    yHi: orNull(num()),
    x: num("Tokens per question, or seconds per question for latency"),
    coverage: orNull(num()),
    nDatasets: int(),
    nBoard: int(),
    missing: arr(str()),
    onFrontier: bool(),
  }),
  Efficiency: obj({
    snapshot: ref("Snapshot"),
    computedAt: str(),
    board: en(BOARD),
    x: en(["output", "total", "latency"]),
    benchmark: orNull(obj({ slug: str(), name: str() })),
    synthetic: bool(),
    datasets: arr(obj({ key: str(), benchmark: str(), nQuestions: int(), weight: num() })),
    points: arr(ref("EfficiencyPoint")),
    frontier: arr(str(), "Configurations on the Pareto frontier, by x ascending"),
    ladders: arr(obj({ modelId: str(), configs: arr(str()) })),
    unplotted: arr(obj({ config: str(), displayName: str(), reason: en(["no-usage", "zero-usage", "no-score"]) })),
    benchmarks: arr(obj({ slug: str(), name: str() })),
    replicates: int(),
  }),

  SnapshotList: obj({
    snapshot: ref("Snapshot"),
    latest: str("Id of the latest snapshot (pinned: the pinned one)"),
    snapshots: arr(obj({ id: str(), createdAt: str(), runCount: int(), label: orNull(str()), latest: bool() }), "Newest first"),
  }),
  SnapshotDetail: obj({
    snapshot: ref("Snapshot"),
    id: str(),
    createdAt: str(),
    runCount: int(),
    label: orNull(str()),
    provenance: obj({ official: int(), community: int(), demo: int() }, "Runs per provenance"),
    synthetic: bool("Only synthetic demo runs"),
    runs: arr(
      obj({
        id: int(),
        config: str(),
        benchmark: str(),
        subset: en(BOARD),
        datasetKey: str(),
        foldedKey: str(),
        orderSeed: orNull(int()),
        provenance: en(PROVENANCE),
        format: str(),
        contentSha256: str(),
        ingestedAt: str(),
      }),
    ),
    downloads: obj({ scores: str("URL of the per-question scores (CSV, gzip)") }),
  }),
};

// ---------------------------------------------------------------------------------------------
// Parameters and responses

const parameters: Record<string, JsonSchema> = {
  snapshot: {
    name: "snapshot",
    in: "query",
    required: false,
    description: "A snapshot id (16 lowercase hex digits, from /api/v1/snapshots). Answers as of that snapshot, forever (cached as immutable). Default: the latest snapshot.",
    schema: { type: "string", pattern: "^[0-9a-f]{16}$" },
  },
  board: { name: "board", in: "query", required: false, description: "Medmarks-V (verifiable) or Medmarks-OE (open-ended).", schema: { type: "string", enum: [...BOARD], default: "V" } },
};

const q = (name: string, description: string, schema: JsonSchema, required = false): JsonSchema => ({ name, in: "query", required, description, schema });
const p = (name: string, description: string, schema: JsonSchema): JsonSchema => ({ name, in: "path", required: true, description, schema });
const pref = (name: string): JsonSchema => ({ $ref: `#/components/parameters/${name}` });

const cacheHeaders = {
  ETag: { description: "Snapshot id + route + canonical parameters; send it back as If-None-Match", schema: { type: "string" } },
  "Cache-Control": { description: "`public, max-age=60` for the latest snapshot; `public, max-age=31536000, immutable` when pinned", schema: { type: "string" } },
};

const responses: Record<string, JsonSchema> = {
  NotModified: { description: "The client's copy (If-None-Match) is current", headers: cacheHeaders },
  BadRequest: { description: "Invalid parameters: one issue per parameter", content: { "application/json": { schema: ref("Error") } } },
  NotFound: { description: "Unknown snapshot, slug or id", content: { "application/json": { schema: ref("Error") } } },
  ServerError: { description: "The answer could not be computed (logged on the server); never an empty 200", content: { "application/json": { schema: ref("Error") } } },
};

function op(
  operationId: string,
  summary: string,
  description: string,
  tag: string,
  params: JsonSchema[],
  schema: string | JsonSchema,
  example: string,
): JsonSchema {
  return {
    get: {
      operationId,
      summary,
      description,
      "x-example": example,
      tags: [tag],
      parameters: params,
      responses: {
        "200": { description: summary, headers: cacheHeaders, content: { "application/json": { schema: typeof schema === "string" ? ref(schema) : schema } } },
        "304": { $ref: "#/components/responses/NotModified" },
        "400": { $ref: "#/components/responses/BadRequest" },
        "404": { $ref: "#/components/responses/NotFound" },
        "500": { $ref: "#/components/responses/ServerError" },
      },
    },
  };
}

const configSlug = { type: "string", minLength: 1, maxLength: 200 };

const paths: Record<string, JsonSchema> = {
  "/api/v1/leaderboard": op(
    "getLeaderboard",
    "The leaderboard",
    "The ranking of configurations on one board by weighted mean win rate, with per-benchmark scores and intervals. The scoring settings are those of the leaderboard page.",
    "Boards",
    [
      pref("board"),
      q("weights", "Dataset weights in the mean win rate", { type: "string", enum: ["ln", "sqrt", "equal", "cap"], default: "ln" }),
      q("cap", "Question cap with weights=cap", { type: "integer", minimum: 1, default: 1000 }),
      q("coverage", "Datasets every configuration has (all-models), or each configuration's own", { type: "string", enum: ["all-models", "per-model"], default: "all-models" }),
      q("orders", "Fold answer orders into one dataset, or keep them separate", { type: "string", enum: ["folded", "separate"], default: "folded" }),
      q("missing", "How an unanswered question counts", { type: "string", enum: ["neg-inf", "zero"], default: "neg-inf" }),
      q("data", "Which runs: auto = real runs when any is published, else the demo runs; real = official + community; official = ingested by an admin; community = approved submissions", { type: "string", enum: ["auto", "real", "official", "community", "demo", "all"], default: "auto" }),
      pref("snapshot"),
    ],
    "Leaderboard",
    "/api/v1/leaderboard?board=OE&weights=sqrt",
  ),
  "/api/v1/benchmarks": op("listBenchmarks", "Benchmarks", "Every benchmark of both suites (catalog order, V then OE) with its facts.", "Benchmarks", [pref("snapshot")], "BenchmarkList", "/api/v1/benchmarks"),
  "/api/v1/benchmarks/{slug}": op(
    "getBenchmark",
    "One benchmark",
    "A benchmark's facts, variants and the ranking of configurations on it (default board of its subset); include=insight adds per-subtask scores, judges, question lists and distributions.",
    "Benchmarks",
    [p("slug", "Benchmark slug, e.g. medqa", configSlug), q("include", "Extra sections", { type: "string", enum: ["insight"] }), pref("snapshot")],
    "Benchmark",
    "/api/v1/benchmarks/medqa?include=insight",
  ),
  "/api/v1/configurations": op(
    "listConfigurations",
    "Configurations",
    "Every configuration (model + reasoning effort + sampling) with a published run, plus the catalog's without runs, with rank and win rate on both default boards.",
    "Configurations",
    [pref("snapshot")],
    "ConfigurationList",
    "/api/v1/configurations",
  ),
  "/api/v1/configurations/{slug}": op(
    "getConfiguration",
    "One configuration",
    "A configuration's identity, rank and scores on both default boards, tokens and latency, sampling arguments, siblings, suite coverage and runs.",
    "Configurations",
    [p("slug", "Configuration slug (alias), e.g. gemma-3-27b-it", configSlug), pref("snapshot")],
    "Configuration",
    "/api/v1/configurations/gemma-3-27b-it",
  ),
  "/api/v1/runs/{id}": op(
    "getRun",
    "One run",
    "A published (or superseded) run's provenance — artifact hash, format, harness version, ingest time — and summary numbers. Pinned: only runs of the snapshot, status as of it.",
    "Runs",
    [p("id", "Run id", { type: "integer", minimum: 1 }), pref("snapshot")],
    "Run",
    "/api/v1/runs/1",
  ),
  "/api/v1/runs/{id}/samples": op(
    "listSamples",
    "A run's samples (keyset pages)",
    "One page of a run's rollouts, filtered and sorted. Follow nextCursor (as after=) from the first page to list every matching row once; prevCursor (as before=) goes back. Never OFFSET: a deep page costs what the first one does.",
    "Runs",
    [
      p("id", "Run id", { type: "integer", minimum: 1 }),
      q("sort", "Sort key", { type: "string", enum: ["id", "reward", "tokens", "latency"], default: "id" }),
      q("dir", "Direction (default asc for id, desc otherwise); nulls always last", { type: "string", enum: ["asc", "desc"] }),
      q("outcome", "Reward 1 (correct), 0 (wrong) or in between (partial)", { type: "string", enum: ["correct", "wrong", "partial"] }),
      q("min", "Lowest reward", { type: "number" }),
      q("max", "Highest reward", { type: "number" }),
      q("mismatch", "1: parsed answer ≠ gold only; 0: none of them", { type: "string", enum: ["1", "0"] }),
      q("truncated", "1: truncated rollouts only; 0: none", { type: "string", enum: ["1", "0"] }),
      q("error", "1: rollouts with an error only; 0: none", { type: "string", enum: ["1", "0"] }),
      q("reasoning", "1: rollouts with reasoning text only; 0: none", { type: "string", enum: ["1", "0"] }),
      q("q", "Case-insensitive literal text in the prompt or completion", { type: "string", maxLength: 200 }),
      q("size", "Rows per page", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
      q("after", "Cursor: the page after this row (nextCursor)", { type: "string" }),
      q("before", "Cursor: the page before this row (prevCursor); not with after", { type: "string" }),
      pref("snapshot"),
    ],
    "SamplePage",
    "/api/v1/runs/1/samples?sort=reward&dir=asc&size=100",
  ),
  "/api/v1/runs/{id}/samples/{exampleId}": op(
    "getSample",
    "One sample",
    "One rollout of one question: numbers, transcript, options, judges, the question's other rollouts and the same question under the other answer orders.",
    "Runs",
    [
      p("id", "Run id", { type: "integer", minimum: 1 }),
      p("exampleId", "Example id, percent-encoded", { type: "string", minLength: 1, maxLength: 1000 }),
      q("rollout", "Rollout index", { type: "integer", minimum: 0, maximum: 32767, default: 0 }),
      pref("snapshot"),
    ],
    "Sample",
    "/api/v1/runs/1/samples/0?rollout=0",
  ),
  "/api/v1/head-to-head": op(
    "getHeadToHead",
    "Head-to-head win rates",
    "wr(row vs column) for every ordered pair of a board's configurations (default settings) and, with a and b, that cell's per-dataset breakdown. A pair not on the board is a 404.",
    "Boards",
    [pref("board"), q("a", "Row configuration of the selected cell (with b)", configSlug), q("b", "Column configuration (with a)", configSlug), pref("snapshot")],
    "HeadToHead",
    "/api/v1/head-to-head?board=V&a=gemma-3-27b-it&b=medgemma-27b-text",
  ),
  "/api/v1/order-bias": op(
    "getOrderBias",
    "Answer-order bias",
    "How accuracy moves when the answer options are shuffled: per configuration and dataset, heatmap, most flipped questions. With config, that configuration's detail with bootstrap intervals and position preference (schema OrderBiasDetail).",
    "Analyses",
    [
      pref("board"),
      q("data", "Which runs", { type: "string", enum: ["auto", "real", "demo", "all"], default: "auto" }),
      q("config", "A configuration: its detail instead of the overview", configSlug),
      pref("snapshot"),
    ],
    { oneOf: [ref("OrderBias"), ref("OrderBiasDetail")], description: "OrderBias without config, OrderBiasDetail with it" },
    "/api/v1/order-bias?board=V&config=gemma-3-27b-it",
  ),
  "/api/v1/efficiency": op(
    "getEfficiency",
    "Score against cost",
    "Win rate (or a benchmark's mean score) against tokens or latency per question, with the Pareto frontier and reasoning-effort ladders.",
    "Analyses",
    [
      pref("board"),
      q("x", "Output tokens, input + output tokens, or seconds per question", { type: "string", enum: ["output", "total", "latency"], default: "output" }),
      q("benchmark", "A benchmark slug: y = its mean score (its own board)", configSlug),
      pref("snapshot"),
    ],
    "Efficiency",
    "/api/v1/efficiency?board=V&x=total",
  ),
  "/api/v1/snapshots": op(
    "listSnapshots",
    "Snapshots",
    "Every snapshot, newest first, the latest flagged. Pinned: the list as of that snapshot.",
    "Snapshots",
    [pref("snapshot")],
    "SnapshotList",
    "/api/v1/snapshots",
  ),
  "/api/v1/snapshots/{id}": op(
    "getSnapshot",
    "One snapshot",
    "A snapshot's runs and the link to its per-question scores. Immutable.",
    "Snapshots",
    [p("id", "Snapshot id", { type: "string", pattern: "^[0-9a-f]{16}$" }), pref("snapshot")],
    "SnapshotDetail",
    "/api/v1/snapshots/{id}",
  ),
  "/api/v1/snapshots/{id}/scores.csv.gz": {
    get: {
      operationId: "downloadSnapshotScores",
      "x-example": "/api/v1/snapshots/{id}/scores.csv.gz",
      summary: "Per-question scores (CSV, gzip)",
      description:
        "Bulk download: one CSV row per run × question of the snapshot, columns config, benchmark, dataset_key, folded_key, example_id, mean_reward (mean of the question's non-null rewards over its rollouts; empty when none), n_rollouts, n_scored, run_id, provenance. Streamed, gzip-compressed (application/gzip, file medmarks-scores-<id>.csv.gz). Immutable.",
      tags: ["Snapshots"],
      parameters: [p("id", "Snapshot id", { type: "string", pattern: "^[0-9a-f]{16}$" }), pref("snapshot")],
      responses: {
        "200": { description: "The gzip-compressed CSV", headers: cacheHeaders, content: { "application/gzip": { schema: { type: "string", format: "binary" } } } },
        "304": { $ref: "#/components/responses/NotModified" },
        "400": { $ref: "#/components/responses/BadRequest" },
        "404": { $ref: "#/components/responses/NotFound" },
        "500": { $ref: "#/components/responses/ServerError" },
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApi",
      "x-example": "/api/v1/openapi.json",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the read API.",
      tags: ["Meta"],
      parameters: [],
      responses: { "200": { description: "OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Medmarks Explorer read API",
    version: "1.0.0",
    description:
      "Read-only JSON API over the Medmarks results: the same queries as the pages. Every answer is computed from one snapshot (a published run set, named by a content hash) and says which; pass `snapshot=<id>` to get the same answer forever. Answers for the synthetic demo data carry `\"synthetic\": true`. Conditional requests: send the ETag back as If-None-Match for a 304.",
  },
  servers: [{ url: "/" }],
  tags: [
    { name: "Boards", description: "Leaderboards and pairwise win rates" },
    { name: "Benchmarks" },
    { name: "Configurations", description: "A configuration = model + reasoning effort + sampling arguments" },
    { name: "Runs", description: "Runs, their samples (rollouts) and transcripts" },
    { name: "Analyses", description: "Answer-order bias and efficiency" },
    { name: "Snapshots", description: "Published run sets and bulk downloads" },
    { name: "Meta" },
  ],
  paths,
  components: { schemas, parameters, responses },
} as const;

export type OpenApiDocument = typeof OPENAPI_DOCUMENT;

/** One operation of the document, flattened for the /docs/api page. */
export interface DocumentedEndpoint {
  path: string;
  method: "GET";
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  parameters: { name: string; in: "query" | "path"; required: boolean; description: string; type: string; default?: unknown; values?: unknown[] }[];
  /** An example URL (path and query; `{id}` of a snapshot stays a placeholder). */
  example: string;
  /** Names of the 200 answer's schemas (components.schemas). */
  responseSchemas: string[];
}

/** The operations in document order, parameters resolved, for listing. */
export function listEndpoints(doc: { paths: Record<string, JsonSchema>; components: { parameters: Record<string, JsonSchema> } } = OPENAPI_DOCUMENT as never): DocumentedEndpoint[] {
  return Object.entries(doc.paths).map(([path, item]) => {
    const g = (item as { get: JsonSchema }).get;
    const params = ((g.parameters as JsonSchema[]) ?? []).map((raw) => {
      const prm = typeof raw.$ref === "string" ? doc.components.parameters[(raw.$ref as string).split("/").pop()!] : raw;
      const schema = (prm.schema ?? {}) as JsonSchema;
      return {
        name: prm.name as string,
        in: prm.in as "query" | "path",
        required: Boolean(prm.required),
        description: (prm.description as string) ?? "",
        type: String(schema.type ?? "string"),
        ...(schema.default !== undefined ? { default: schema.default } : {}),
        ...(Array.isArray(schema.enum) ? { values: schema.enum as unknown[] } : {}),
      };
    });
    const ok = ((g.responses as JsonSchema)["200"] as JsonSchema) ?? {};
    const content = (ok.content ?? {}) as Record<string, { schema?: JsonSchema }>;
    const schema = Object.values(content)[0]?.schema;
    const refs = [schema?.$ref, ...(((schema?.oneOf as JsonSchema[]) ?? []).map((x) => x.$ref))].filter((r): r is string => typeof r === "string");
    return {
      path,
      method: "GET" as const,
      operationId: g.operationId as string,
      summary: g.summary as string,
      description: g.description as string,
      tag: ((g.tags as string[]) ?? [""])[0],
      example: (g["x-example"] as string) ?? path,
      parameters: params,
      responseSchemas: refs.map((r) => r.split("/").pop()!),
    };
  });
}
