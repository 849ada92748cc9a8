/**
 * Pure helpers of the configuration page: where one score stands among a board's configurations,
 * and whether two sampling-argument objects are the same. No database, unit-tested beside.
 */

/** Median of finite values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * 1-based competition rank of `score` among `all` (higher is better; equal scores share a rank):
 * 1 + the number of strictly higher scores, as the benchmark page ranks.
 */
export function competitionRank(score: number, all: readonly number[]): number {
  let higher = 0;
  for (const v of all) if (v > score) higher++;
  return higher + 1;
}

export interface Standing {
  median: number | null;
  delta: number | null;
  rank: number | null;
  nConfigs: number;
}

/** Where `own` stands among `all` (which includes `own` when it exists). */
export function standing(own: number | null, all: readonly number[]): Standing {
  const m = median(all);
  return {
    median: m,
    delta: own === null || m === null ? null : own - m,
    rank: own === null ? null : competitionRank(own, all),
    nConfigs: all.length,
  };
}

/** JSON with object keys sorted at every depth, so equal objects give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** jsonb comes back parsed from PGlite and postgres.js alike, but a text column holding JSON would not. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value ?? {};
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Group runs by their sampling arguments and compare each group with the configuration's own. */
export function compareSampling(
  config: unknown,
  runs: readonly { id: number; args: unknown }[],
): { observed: { args: unknown; runIds: number[]; matchesConfig: boolean }[]; differsFromConfig: boolean; runsDiffer: boolean } {
  const own = canonicalJson(config ?? {});
  const groups = new Map<string, { args: unknown; runIds: number[]; matchesConfig: boolean }>();
  for (const r of runs) {
    const key = canonicalJson(r.args ?? {});
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { args: r.args ?? {}, runIds: [], matchesConfig: key === own }));
    g.runIds.push(r.id);
  }
  // Most-used first (the configuration's own on a tie), so the usual arguments lead and the odd ones stand out below.
  const observed = [...groups.values()]
    .map((g) => ({ ...g, runIds: [...g.runIds].sort((a, b) => a - b) }))
    .sort((a, b) => b.runIds.length - a.runIds.length || Number(b.matchesConfig) - Number(a.matchesConfig) || a.runIds[0] - b.runIds[0]);
  return { observed, differsFromConfig: observed.some((g) => !g.matchesConfig), runsDiffer: observed.length > 1 };
}
