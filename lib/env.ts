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

  // Accounts ----------------------------------------------------------------------------------
  /** Secret that signs and encrypts session cookies. Unset: generated once into DATA_DIR/auth-secret. */
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
  /** GitHub OAuth app; sign-in with GitHub is offered only when both are set. */
  AUTH_GITHUB_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  AUTH_GITHUB_SECRET: z.string().optional().transform((v) => (v ? v : undefined)),
  /** Self-service sign-up for local accounts (default on). */
  AUTH_SIGNUP: flag(true),
  /** Session lifetime in seconds from sign-in (default 30 days). */
  AUTH_SESSION_MAX_AGE: z.coerce.number().int().min(60).max(366 * 24 * 3600).default(30 * 24 * 3600),
  /** On the embedded database only: create an `admin` account at first start and print its password once. */
  DEMO_ADMIN: flag(true),

  // Uploads -----------------------------------------------------------------------------------
  /** Largest upload (all files of one submission), in bytes. Default 2 GB. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(2 * 1024 ** 3),
  /** Uploads (submissions started) per user per rolling 24 hours; admins are not limited. */
  UPLOAD_DAILY_COUNT: z.coerce.number().int().min(0).default(20),
  /** Bytes uploaded per user per rolling 24 hours; admins are not limited. Default 5 GB. */
  UPLOAD_DAILY_BYTES: z.coerce.number().int().min(0).default(5 * 1024 ** 3),
  /** Extracted size of the archives of one upload, in bytes. Default 20 GB. */
  UPLOAD_MAX_EXTRACTED_BYTES: z.coerce.number().int().min(1).default(20 * 1024 ** 3),
  /** Files (or archive entries) in one upload. Default 10 000. */
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).default(10_000),
});

export type Env = z.infer<typeof schema> & {
  pgliteDir: string;
  seedDemo: boolean;
  /** The demo admin is created (embedded database and DEMO_ADMIN on; never with DATABASE_URL). */
  demoAdmin: boolean;
  /** GitHub sign-in is configured. */
  github: boolean;
};

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
  const demoAdmin = !e.DATABASE_URL && e.DEMO_ADMIN;
  const github = e.AUTH_GITHUB_ID !== undefined && e.AUTH_GITHUB_SECRET !== undefined;
  const env = { ...e, pgliteDir, seedDemo, demoAdmin, github };
  if (source === process.env) cached = env;
  return env;
}
