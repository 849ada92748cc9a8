"use client";

/**
 * The recharts charts, loaded off the critical path. Pages import the charts from here instead of
 * from their modules: each chart is still rendered on the server (same HTML, no layout shift), but
 * its code (recharts, d3, ~120 kB gzip) is not among the page's first-load scripts: next/dynamic
 * preloads it at low priority, and the chart's own Suspense boundary hydrates when it arrives while
 * the rest of the page hydrates at once. One dynamic() per chart, with a literal import(), so Next
 * can map each to its chunks.
 */
import dynamic from "next/dynamic";
import { Suspense, type ComponentProps } from "react";

import type { ScoreDistributionChart as ScoreDistributionChartT } from "@/components/benchmark/score-distribution-chart";
import type { ScoresChart as ScoresChartT } from "@/components/compare/scores-chart";
import type { EfficiencyChart as EfficiencyChartT } from "@/components/efficiency/efficiency-chart";
import type { BreakdownChart as BreakdownChartT } from "@/components/head-to-head/breakdown-chart";
import type { ForestChart as ForestChartT } from "@/components/medical/forest-chart";
import type { ScoreDeltaChart as ScoreDeltaChartT } from "@/components/model/score-delta-chart";
import type { PositionPreferenceChart as PositionPreferenceChartT } from "@/components/order-bias/position-preference-chart";
import type { SensitivityChart as SensitivityChartT } from "@/components/order-bias/sensitivity-chart";

const ScoreDistributionChartLazy = dynamic(() => import("@/components/benchmark/score-distribution-chart").then((m) => m.ScoreDistributionChart));
const ScoresChartLazy = dynamic(() => import("@/components/compare/scores-chart").then((m) => m.ScoresChart));
const EfficiencyChartLazy = dynamic(() => import("@/components/efficiency/efficiency-chart").then((m) => m.EfficiencyChart));
const BreakdownChartLazy = dynamic(() => import("@/components/head-to-head/breakdown-chart").then((m) => m.BreakdownChart));
const ForestChartLazy = dynamic(() => import("@/components/medical/forest-chart").then((m) => m.ForestChart));
const ScoreDeltaChartLazy = dynamic(() => import("@/components/model/score-delta-chart").then((m) => m.ScoreDeltaChart));
const PositionPreferenceChartLazy = dynamic(() => import("@/components/order-bias/position-preference-chart").then((m) => m.PositionPreferenceChart));
const SensitivityChartLazy = dynamic(() => import("@/components/order-bias/sensitivity-chart").then((m) => m.SensitivityChart));

export function ScoreDistributionChart(props: ComponentProps<typeof ScoreDistributionChartT>) {
  return (
    <Suspense>
      <ScoreDistributionChartLazy {...props} />
    </Suspense>
  );
}

export function ScoresChart(props: ComponentProps<typeof ScoresChartT>) {
  return (
    <Suspense>
      <ScoresChartLazy {...props} />
    </Suspense>
  );
}

export function EfficiencyChart(props: ComponentProps<typeof EfficiencyChartT>) {
  return (
    <Suspense>
      <EfficiencyChartLazy {...props} />
    </Suspense>
  );
}

export function BreakdownChart(props: ComponentProps<typeof BreakdownChartT>) {
  return (
    <Suspense>
      <BreakdownChartLazy {...props} />
    </Suspense>
  );
}

export function ForestChart(props: ComponentProps<typeof ForestChartT>) {
  return (
    <Suspense>
      <ForestChartLazy {...props} />
    </Suspense>
  );
}

export function ScoreDeltaChart(props: ComponentProps<typeof ScoreDeltaChartT>) {
  return (
    <Suspense>
      <ScoreDeltaChartLazy {...props} />
    </Suspense>
  );
}

export function PositionPreferenceChart(props: ComponentProps<typeof PositionPreferenceChartT>) {
  return (
    <Suspense>
      <PositionPreferenceChartLazy {...props} />
    </Suspense>
  );
}

export function SensitivityChart(props: ComponentProps<typeof SensitivityChartT>) {
  return (
    <Suspense>
      <SensitivityChartLazy {...props} />
    </Suspense>
  );
}
