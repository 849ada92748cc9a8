CREATE TABLE "snapshot_views" (
	"snapshot_id" text NOT NULL,
	"view" text NOT NULL,
	"params_key" text NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"compute_ms" integer,
	CONSTRAINT "snapshot_views_snapshot_id_view_params_key_pk" PRIMARY KEY("snapshot_id","view","params_key")
);
--> statement-breakpoint
ALTER TABLE "snapshot_views" ADD CONSTRAINT "snapshot_views_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;