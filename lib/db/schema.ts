/**
 * The database schema (drizzle-orm, PostgreSQL). Migrations in drizzle/ are generated from it
 * with `npm run db:generate`; never edit a generated migration by hand.
 *
 * Shape: catalog tables (benchmarks, models, configs, datasets) are keyed by natural slugs so
 * URLs and artifacts map to rows without a lookup; runs carry provenance and status; rollouts are
 * the narrow hot table read by scoring; transcripts are the cold, wide table read per sample.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Catalog

export const benchmarks = pgTable(
  "benchmarks",
  {
    slug: text("slug").primaryKey(),
    name: text("name").notNull(),
    subset: text("subset", { enum: ["V", "OE"] }).notNull(),
    /** One of the 30 Medmarks benchmarks (PubHealthBench free-form is not). */
    inThirty: boolean("in_thirty").notNull().default(false),
    medmarksT: boolean("medmarks_t").notNull().default(false),
    taskType: text("task_type").notNull(),
    /** MetricSpec: key, description, scale, decimals. */
    metric: jsonb("metric").notNull(),
    judged: boolean("judged").notNull().default(false),
    nQuestions: integer("n_questions"),
    nTraining: integer("n_training"),
    license: text("license"),
    description: text("description"),
    url: text("url"),
    bibtex: text("bibtex"),
    hasOrderVariants: boolean("has_order_variants").notNull().default(false),
    /** False when auto-created by an ingest of an env the catalog does not know. */
    inCatalog: boolean("in_catalog").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(1000),
  },
  (t) => [check("benchmarks_subset_chk", sql`${t.subset} in ('V','OE')`)],
);

export const models = pgTable(
  "models",
  {
    id: text("id").primaryKey(),
    providerId: text("provider_id").notNull(),
    org: text("org"),
    displayName: text("display_name").notNull(),
    group: text("group", { enum: ["proprietary", "open-weight", "medical", "quantized"] }),
    baseModelId: text("base_model_id"),
    paramsB: real("params_b"),
    activeParamsB: real("active_params_b"),
    reasoning: boolean("reasoning"),
    openWeights: boolean("open_weights"),
    inCatalog: boolean("in_catalog").notNull().default(true),
  },
  (t) => [uniqueIndex("models_provider_id_uq").on(t.providerId)],
);

export const configs = pgTable(
  "configs",
  {
    /** The alias (endpoint_id) or, for unknown models, slug(provider id)[-effort]. Used in URLs. */
    slug: text("slug").primaryKey(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    reasoningEffort: text("reasoning_effort"),
    displayName: text("display_name").notNull(),
    samplingArgs: jsonb("sampling_args").notNull().default({}),
    inCatalog: boolean("in_catalog").notNull().default(true),
  },
  (t) => [index("configs_model_idx").on(t.modelId, t.reasoningEffort)],
);

/** A unit of scoring in "separate" mode: benchmark + env + variant (subtask, order, repeat). */
export const datasets = pgTable(
  "datasets",
  {
    id: serial("id").primaryKey(),
    benchmarkSlug: text("benchmark_slug")
      .notNull()
      .references(() => benchmarks.slug),
    envId: text("env_id").notNull(),
    /** Medmarks variant id: `base`, `shuffle_seed-1618`, `task1__shuffle_seed-9331`, `rollout_1`. */
    variantId: text("variant_id").notNull(),
    subtask: text("subtask").notNull(),
    /** Answer-order shuffle seed; null = original order. */
    orderSeed: integer("order_seed"),
    /** Repeat index (AgentClinic `rollout_1` = 1); 0 otherwise. */
    repeat: smallint("repeat").notNull().default(0),
    /** `env::variant` as Medmarks keys datasets in separate mode. */
    key: text("key").notNull(),
    /** `env::subtask` as Medmarks keys datasets in folded mode. */
    foldedKey: text("folded_key").notNull(),
    /** Question count of the full suite variant (catalog), when known. */
    nQuestions: integer("n_questions"),
  },
  (t) => [
    uniqueIndex("datasets_identity_uq").on(t.benchmarkSlug, t.envId, t.variantId),
    index("datasets_folded_idx").on(t.benchmarkSlug, t.foldedKey),
  ],
);

// ---------------------------------------------------------------------------------------------
// Accounts and submissions

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    name: text("name").notNull(),
    email: text("email"),
    /** scrypt hash `scrypt$N$r$p$salt$hash` (local accounts); null for OAuth-only users. */
    passwordHash: text("password_hash"),
    githubId: text("github_id"),
    role: text("role", { enum: ["user", "admin"] })
      .notNull()
      .default("user"),
    createdAt: createdAt(),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("users_name_uq").on(t.name),
    uniqueIndex("users_email_uq").on(t.email),
    uniqueIndex("users_github_uq").on(t.githubId),
    check("users_role_chk", sql`${t.role} in ('user','admin')`),
  ],
);

export const submissions = pgTable(
  "submissions",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: ["uploading", "pending", "approved", "rejected", "withdrawn"] })
      .notNull()
      .default("uploading"),
    /** Uploaded files: name, size, sha256, stored path. */
    files: jsonb("files").notNull().default([]),
    /** Validation report from lib/ingest (runs found, mapping, problems with file/line/field). */
    report: jsonb("report"),
    /** What the submitter declared: alias, model, reasoning effort, model card link. */
    declared: jsonb("declared"),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    /** What was uploaded, for lists: the archive name, or the folder. */
    label: text("label").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    decidedBy: text("decided_by").references(() => users.id),
    reason: text("reason"),
  },
  (t) => [index("submissions_user_idx").on(t.userId, t.createdAt), index("submissions_status_idx").on(t.status)],
);

/**
 * Audit log of every moderation and account action (approve, reject, withdraw, role changes):
 * append-only, shown on /admin.
 */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: serial("id").primaryKey(),
    submissionId: integer("submission_id").references(() => submissions.id),
    /** Who acted; null for the command line or the server itself. */
    actorId: text("actor_id").references(() => users.id),
    /** The account acted upon (role changes, account creation). */
    subjectUserId: text("subject_user_id").references(() => users.id),
    action: text("action", {
      enum: ["submit", "approve", "reject", "withdraw", "create-user", "set-role", "set-password", "disable", "enable"],
    }).notNull(),
    reason: text("reason"),
    /** Facts of the action: runs published or superseded, role before and after, ... */
    details: jsonb("details").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("moderation_log_created_idx").on(t.createdAt), index("moderation_log_submission_idx").on(t.submissionId)],
);

// ---------------------------------------------------------------------------------------------
// Runs and their rows

export const runs = pgTable(
  "runs",
  {
    id: serial("id").primaryKey(),
    configSlug: text("config_slug")
      .notNull()
      .references(() => configs.slug),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id),
    /** Artifact format: A (bench tree), A1 (Gen A′ single run), B (run manifest job), C (earliest), parquet. */
    format: text("format", { enum: ["A", "A1", "B", "C", "parquet"] }).notNull(),
    /** sha256 over metadata.json and results.jsonl (hex). Same content is never stored twice. */
    contentSha256: text("content_sha256").notNull(),
    /** Path (CLI) or upload name the artifacts came from. */
    source: text("source").notNull(),
    provenance: text("provenance", { enum: ["official", "community", "demo"] }).notNull(),
    status: text("status", { enum: ["published", "pending", "rejected", "superseded"] }).notNull(),
    supersededBy: integer("superseded_by"),
    submissionId: integer("submission_id").references(() => submissions.id),
    /** num_examples × rollouts_per_example from metadata (null when unknown). */
    expectedRows: integer("expected_rows"),
    observedRows: integer("observed_rows").notNull(),
    observedQuestions: integer("observed_questions").notNull(),
    /** The provider model id from metadata (`model`). */
    providerModel: text("provider_model").notNull(),
    envArgs: jsonb("env_args").notNull().default({}),
    samplingArgs: jsonb("sampling_args").notNull().default({}),
    judgeModels: text("judge_models").array().notNull().default(sql`'{}'::text[]`),
    versionInfo: jsonb("version_info"),
    /** metadata.json as written by the harness. */
    metadata: jsonb("metadata").notNull(),
    /** When the run happened (metadata mtime, job ended_at, Gen C date+time), decides supersession. */
    runAt: timestamp("run_at", { withTimezone: true, mode: "string" }),
    ingestedAt: timestamp("ingested_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    avgReward: doublePrecision("avg_reward"),
  },
  (t) => [
    uniqueIndex("runs_content_uq").on(t.contentSha256),
    // One published run per identity (configuration + dataset).
    uniqueIndex("runs_published_identity_uq")
      .on(t.configSlug, t.datasetId)
      .where(sql`${t.status} = 'published'`),
    index("runs_dataset_idx").on(t.datasetId, t.status),
    index("runs_config_idx").on(t.configSlug, t.status),
    index("runs_submission_idx").on(t.submissionId),
  ],
);

/** One rollout's numbers: narrow, hot, read by scoring. */
export const rollouts = pgTable(
  "rollouts",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    exampleId: text("example_id").notNull(),
    rolloutIndex: smallint("rollout_index").notNull().default(0),
    reward: doublePrecision("reward"),
    metrics: jsonb("metrics"),
    gold: text("gold"),
    /** Answer parsed from the completion: <answer> tag, else \boxed{}, else a lone letter. */
    parsedAnswer: text("parsed_answer"),
    /** Text of the chosen option (MCQ), matched through info.options or the prompt's option lines. */
    chosenText: text("chosen_text"),
    inputTokens: integer("input_tokens"),
    /** Output tokens, reasoning included. */
    outputTokens: integer("output_tokens"),
    reasoningTokens: integer("reasoning_tokens"),
    judgeInputTokens: integer("judge_input_tokens"),
    judgeOutputTokens: integer("judge_output_tokens"),
    costUsd: doublePrecision("cost_usd"),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    stopCondition: text("stop_condition"),
    truncated: boolean("truncated"),
    hasReasoning: boolean("has_reasoning").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.runId, t.exampleId, t.rolloutIndex] })],
);

/** Full text of one rollout: cold, wide, read per sample. */
export const transcripts = pgTable(
  "transcripts",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    exampleId: text("example_id").notNull(),
    rolloutIndex: smallint("rollout_index").notNull().default(0),
    prompt: jsonb("prompt"),
    completion: jsonb("completion"),
    info: jsonb("info"),
  },
  (t) => [primaryKey({ columns: [t.runId, t.exampleId, t.rolloutIndex] })],
);

// ---------------------------------------------------------------------------------------------
// Snapshots: immutable published run sets (computed tables keyed by snapshot come with scoring)

export const snapshots = pgTable("snapshots", {
  /** Content hash of the published run set and the scoring settings. */
  id: text("id").primaryKey(),
  label: text("label"),
  /** Default scoring settings the snapshot's tables were computed with. */
  settings: jsonb("settings").notNull().default({}),
  runCount: integer("run_count").notNull(),
  createdAt: createdAt(),
  createdBy: text("created_by").references(() => users.id),
});

export const snapshotRuns = pgTable(
  "snapshot_runs",
  {
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.runId] }), index("snapshot_runs_run_idx").on(t.runId)],
);

/** Small key/value facts about the database itself (e.g. the hash of the catalog last synced). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/**
 * Scoring results of a snapshot, per board and scoring settings: computed once (after an
 * ingest or publish, or on first request for non-default settings), then read by key.
 */
export const boardResults = pgTable(
  "board_results",
  {
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    board: text("board", { enum: ["V", "OE"] }).notNull(),
    /** Canonical string of the scoring settings (weights, coverage, orders, missing, ...). */
    settingsKey: text("settings_key").notNull(),
    /** lib/scoring BoardResult without its head-to-head part, serialised. */
    result: jsonb("result").notNull(),
    /** BoardResult.headToHead (large: every ordered pair × dataset), read only by the head-to-head views. */
    headToHead: jsonb("head_to_head"),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    computeMs: integer("compute_ms"),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.board, t.settingsKey] })],
);

/**
 * Other computed views of a snapshot (order bias, efficiency, ...): computed once per snapshot,
 * view and parameters, then read by key. Like board_results, rows never change for a snapshot.
 */
export const snapshotViews = pgTable(
  "snapshot_views",
  {
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    /** Which view: `order-bias`, `efficiency`, ... */
    view: text("view").notNull(),
    /** Canonical string of the view's parameters (board, data filter, ...). */
    paramsKey: text("params_key").notNull(),
    result: jsonb("result").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    computeMs: integer("compute_ms"),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.view, t.paramsKey] })],
);
