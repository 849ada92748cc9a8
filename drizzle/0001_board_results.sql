CREATE TABLE "board_results" (
	"snapshot_id" text NOT NULL,
	"board" text NOT NULL,
	"settings_key" text NOT NULL,
	"result" jsonb NOT NULL,
	"head_to_head" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"compute_ms" integer,
	CONSTRAINT "board_results_snapshot_id_board_settings_key_pk" PRIMARY KEY("snapshot_id","board","settings_key")
);
--> statement-breakpoint
ALTER TABLE "board_results" ADD CONSTRAINT "board_results_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;