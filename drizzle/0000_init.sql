CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subset" text NOT NULL,
	"in_thirty" boolean DEFAULT false NOT NULL,
	"medmarks_t" boolean DEFAULT false NOT NULL,
	"task_type" text NOT NULL,
	"metric" jsonb NOT NULL,
	"judged" boolean DEFAULT false NOT NULL,
	"n_questions" integer,
	"n_training" integer,
	"license" text,
	"description" text,
	"url" text,
	"bibtex" text,
	"has_order_variants" boolean DEFAULT false NOT NULL,
	"in_catalog" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 1000 NOT NULL,
	CONSTRAINT "benchmarks_subset_chk" CHECK ("benchmarks"."subset" in ('V','OE'))
);
--> statement-breakpoint
CREATE TABLE "configs" (
	"slug" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"reasoning_effort" text,
	"display_name" text NOT NULL,
	"sampling_args" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"in_catalog" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" serial PRIMARY KEY NOT NULL,
	"benchmark_slug" text NOT NULL,
	"env_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"subtask" text NOT NULL,
	"order_seed" integer,
	"repeat" smallint DEFAULT 0 NOT NULL,
	"key" text NOT NULL,
	"folded_key" text NOT NULL,
	"n_questions" integer
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"org" text,
	"display_name" text NOT NULL,
	"group" text,
	"base_model_id" text,
	"params_b" real,
	"active_params_b" real,
	"reasoning" boolean,
	"open_weights" boolean,
	"in_catalog" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollouts" (
	"run_id" integer NOT NULL,
	"example_id" text NOT NULL,
	"rollout_index" smallint DEFAULT 0 NOT NULL,
	"reward" double precision,
	"metrics" jsonb,
	"gold" text,
	"parsed_answer" text,
	"chosen_text" text,
	"input_tokens" integer,
	"output_tokens" integer,
	"reasoning_tokens" integer,
	"judge_input_tokens" integer,
	"judge_output_tokens" integer,
	"cost_usd" double precision,
	"latency_ms" integer,
	"error" text,
	"stop_condition" text,
	"truncated" boolean,
	"has_reasoning" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rollouts_run_id_example_id_rollout_index_pk" PRIMARY KEY("run_id","example_id","rollout_index")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"config_slug" text NOT NULL,
	"dataset_id" integer NOT NULL,
	"format" text NOT NULL,
	"content_sha256" text NOT NULL,
	"source" text NOT NULL,
	"provenance" text NOT NULL,
	"status" text NOT NULL,
	"superseded_by" integer,
	"submission_id" integer,
	"expected_rows" integer,
	"observed_rows" integer NOT NULL,
	"observed_questions" integer NOT NULL,
	"provider_model" text NOT NULL,
	"env_args" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sampling_args" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"judge_models" text[] DEFAULT '{}'::text[] NOT NULL,
	"version_info" jsonb,
	"metadata" jsonb NOT NULL,
	"run_at" timestamp with time zone,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"avg_reward" double precision
);
--> statement-breakpoint
CREATE TABLE "snapshot_runs" (
	"snapshot_id" text NOT NULL,
	"run_id" integer NOT NULL,
	CONSTRAINT "snapshot_runs_snapshot_id_run_id_pk" PRIMARY KEY("snapshot_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" jsonb,
	"declared" jsonb,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "transcripts" (
	"run_id" integer NOT NULL,
	"example_id" text NOT NULL,
	"rollout_index" smallint DEFAULT 0 NOT NULL,
	"prompt" jsonb,
	"completion" jsonb,
	"info" jsonb,
	CONSTRAINT "transcripts_run_id_example_id_rollout_index_pk" PRIMARY KEY("run_id","example_id","rollout_index")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"password_hash" text,
	"github_id" text,
	"role" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_role_chk" CHECK ("users"."role" in ('user','admin'))
);
--> statement-breakpoint
ALTER TABLE "configs" ADD CONSTRAINT "configs_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_benchmark_slug_benchmarks_slug_fk" FOREIGN KEY ("benchmark_slug") REFERENCES "public"."benchmarks"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollouts" ADD CONSTRAINT "rollouts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_config_slug_configs_slug_fk" FOREIGN KEY ("config_slug") REFERENCES "public"."configs"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_runs" ADD CONSTRAINT "snapshot_runs_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_runs" ADD CONSTRAINT "snapshot_runs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "configs_model_idx" ON "configs" USING btree ("model_id","reasoning_effort");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_identity_uq" ON "datasets" USING btree ("benchmark_slug","env_id","variant_id");--> statement-breakpoint
CREATE INDEX "datasets_folded_idx" ON "datasets" USING btree ("benchmark_slug","folded_key");--> statement-breakpoint
CREATE UNIQUE INDEX "models_provider_id_uq" ON "models" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_content_uq" ON "runs" USING btree ("content_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_published_identity_uq" ON "runs" USING btree ("config_slug","dataset_id") WHERE "runs"."status" = 'published';--> statement-breakpoint
CREATE INDEX "runs_dataset_idx" ON "runs" USING btree ("dataset_id","status");--> statement-breakpoint
CREATE INDEX "runs_config_idx" ON "runs" USING btree ("config_slug","status");--> statement-breakpoint
CREATE INDEX "runs_submission_idx" ON "runs" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "snapshot_runs_run_idx" ON "snapshot_runs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "submissions_user_idx" ON "submissions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "submissions_status_idx" ON "submissions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_uq" ON "users" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_github_uq" ON "users" USING btree ("github_id");