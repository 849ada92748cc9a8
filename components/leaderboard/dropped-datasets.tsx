import { getBenchmark } from "@/lib/catalog";
import type { LeaderboardView } from "@/lib/queries/leaderboard-types";

const SHOW_MISSING = 8;

/**
 * Under the table: the datasets that all-models coverage left out, and which configurations lack
 * each, so nobody wonders where a benchmark went. Server component; renders nothing when none.
 */
export function DroppedDatasets({ view }: { view: Pick<LeaderboardView, "dropped" | "benchmarks" | "settings" | "rows"> }) {
  if (view.settings.coverage !== "all-models" || view.dropped.length === 0) return null;
  const names = new Map(view.benchmarks.map((b) => [b.slug, b.name]));
  const display = new Map(view.rows.map((r) => [r.config, r.displayName]));
  const nameOf = (slug: string) => names.get(slug) ?? getBenchmark(slug)?.name ?? slug;
  const n = view.dropped.length;

  return (
    <section aria-labelledby="dropped-heading" className="space-y-2 rounded-lg border border-dashed px-4 py-3 text-sm" data-testid="dropped-datasets">
      <h2 id="dropped-heading" className="font-medium">
        {n} dataset{n === 1 ? "" : "s"} left out of this ranking
      </h2>
      <p className="text-xs text-muted-foreground">
        With all-models coverage a dataset counts only when every configuration on the board has run it, so everyone is
        compared on the same questions. Choose &ldquo;Per model&rdquo; coverage in the scoring settings to include these.
      </p>
      <ul className="space-y-1 text-xs">
        {view.dropped.map((d) => {
          const shown = d.missing.slice(0, SHOW_MISSING);
          const rest = d.missing.slice(SHOW_MISSING);
          const label = (c: string) => (display.get(c) && display.get(c) !== c ? `${display.get(c)} (${c})` : c);
          return (
            <li key={d.key}>
              <span className="font-medium">{nameOf(d.benchmark)}</span> <code className="rounded bg-muted px-1">{d.key}</code>{" "}
              <span className="text-muted-foreground">
                — not run by {d.missing.length} configuration{d.missing.length === 1 ? "" : "s"}:
              </span>{" "}
              {shown.map(label).join(", ")}
              {rest.length > 0 ? (
                <details className="inline">
                  <summary className="inline cursor-pointer text-muted-foreground underline underline-offset-2">
                    and {rest.length} more
                  </summary>
                  {rest.map(label).join(", ")}
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
