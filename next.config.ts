import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Do not let `next dev` write AGENTS.md into the repo.
  agentRules: false,
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (CI runs it); skipping it here keeps the first
  // `npm start` on a fresh clone ~20 s faster on 2-core machines.
  typescript: { ignoreBuildErrors: true },
  // Framing: the views under /embed are made to be framed by any site (components/embed), so they
  // send no X-Frame-Options and no CSP frame-ancestors at all. Not even `frame-ancestors *`: that
  // still refuses parents with an opaque origin or a non-web scheme (about:blank and data: pages,
  // sandboxed iframes, notebook webviews), which is where figures often get embedded. Every other
  // page may only be framed by this site itself (clickjacking: the sign-in, submit and admin pages).
  async headers() {
    return [
      {
        source: "/:path((?!embed(?:/|$)).*)",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
