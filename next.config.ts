import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Do not let `next dev` write AGENTS.md into the repo.
  agentRules: false,
  poweredByHeader: false,
};

export default nextConfig;
