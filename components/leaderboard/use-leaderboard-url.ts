"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";

import { leaderboardHref, parseLeaderboardParams, type LeaderboardParams } from "./params";

/**
 * The leaderboard's URL state for client leaves: the parsed params (re-rendering when the URL
 * changes) and `replace(patch)`, which rewrites the URL for client-only state (search, facets,
 * sort, columns, selection).
 *
 * `replace` uses `window.history.replaceState`, which Next integrates with `useSearchParams`: the
 * URL (and every leaf reading it) updates WITHOUT a server round trip. `router.replace` would
 * re-render the page on the server and recompute the board for a change the server ignores.
 * Settings and board changes, which the server does compute, navigate (`router.push` / <Link>).
 */
export function useLeaderboardUrl(): {
  params: LeaderboardParams;
  replace: (patch: Partial<LeaderboardParams>) => void;
} {
  const searchParams = useSearchParams();
  const key = searchParams.toString();
  const params = useMemo(() => parseLeaderboardParams(new URLSearchParams(key)), [key]);
  const replace = useCallback((patch: Partial<LeaderboardParams>) => {
    // Read the live URL: several leaves may have rewritten it since this render.
    const current = parseLeaderboardParams(new URLSearchParams(window.location.search));
    const href = leaderboardHref({ ...current, ...patch }, window.location.pathname);
    window.history.replaceState(null, "", href + window.location.hash);
  }, []);
  return { params, replace };
}
