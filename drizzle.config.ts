import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from lib/db/schema.ts (`npm run db:generate`).
// Apply them with `npm run db:migrate` (it honours the PGlite lock; drizzle-kit migrate does not).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
  strict: true,
});
