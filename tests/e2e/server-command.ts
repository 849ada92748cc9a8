import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** What `npm start` runs once built (node arguments): the app behind the page cache, scripts/server.ts. */
export const SERVER_ARGS = ["--import", "tsx", path.join(root, "scripts", "server.ts")];
