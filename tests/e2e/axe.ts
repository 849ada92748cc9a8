/**
 * axe-core in the browser tests: inject node_modules/axe-core/axe.min.js into a page, run it with
 * the WCAG 2.0 A/AA and 2.1 AA rules, and return the violations (optionally only those at or above
 * an impact). `formatViolations` lists each as rule id, impact and the target selectors, for
 * failure messages.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type Impact = "minor" | "moderate" | "serious" | "critical";
export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const ORDER: Impact[] = ["minor", "moderate", "serious", "critical"];

/** The axe violations on the page as it is now (run on the whole document). */
export async function axeViolations(page: Page, opts: { minImpact?: Impact; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const axe = (window as any).axe;
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const res = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return res.violations.map((v: AxeViolation) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, exclude: opts.exclude ?? [] },
  );
  const min = ORDER.indexOf(opts.minImpact ?? "minor");
  return (violations as AxeViolation[]).filter((v) => ORDER.indexOf(v.impact ?? "minor") >= min);
}

/** One line per violation: `rule (impact): help — selector, selector, …`. */
export function formatViolations(violations: AxeViolation[], maxTargets = 8): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.join(" ")).slice(0, maxTargets);
      const more = v.nodes.length > maxTargets ? ` (+${v.nodes.length - maxTargets} more)` : "";
      return `${v.id} (${v.impact}): ${v.help} — ${targets.join(", ")}${more}`;
    })
    .join("\n");
}
