/**
 * Environment, validated once. Every variable is documented in `.env.example`.
 * Plain TypeScript (no `server-only`): scripts and tests import it too.
 */
import path from "node:path";
import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["0", "1", "true", "false", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "1" || v === "true"));

const schema = z.object({
  /** PostgreSQL connection string. Unset or empty: embedded PGlite in DATA_DIR/pglite. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://"),
  /** Folder for local state: the embedded database, generated demo runs, the auth secret. */
  DATA_DIR: z.string().default(".data"),
  /** PGlite data directory, or `memory://` for an in-memory database (tests). */
  PGLITE_DIR: z.string().optional(),
  /** Apply pending migrations when the server starts (default on). */
  DB_AUTO_MIGRATE: flag(true),
  /** Generate and load the synthetic demo runs into an empty database at start.
   *  Default: on for the embedded database, off when DATABASE_URL is set. */
  SEED_DEMO: z.enum(["0", "1", "true", "false", ""]).optional(),
  /** Questions per dataset in the generated demo data (≤ 120). */
  DEMO_QUESTIONS: z.coerce.number().int().min(1).max(120).default(60),
  /** Max connections of the postgres.js pool. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof schema> & { pgliteDir: string; seedDemo: boolean };

let cached: Env | undefined;

export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const pgliteDir = e.PGLITE_DIR ?? path.join(e.DATA_DIR, "pglite");
  const seedDemo =
    e.SEED_DEMO === undefined || e.SEED_DEMO === "" ? !e.DATABASE_URL : e.SEED_DEMO === "1" || e.SEED_DEMO === "true";
  const env = { ...e, pgliteDir, seedDemo };
  if (source === process.env) cached = env;
  return env;
}
