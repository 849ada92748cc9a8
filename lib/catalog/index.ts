import { benchmarks } from "./benchmarks";
import { configs, models } from "./models";
import type { CatalogBenchmark, CatalogConfig, CatalogModel, CatalogVariant } from "./types";

export type * from "./types";
export { benchmarks, configs, models };

const benchmarkBySlug = new Map(benchmarks.map((b) => [b.slug, b]));
const modelById = new Map(models.map((m) => [m.id, m]));
const configByAlias = new Map(configs.map((c) => [c.alias, c]));

export function getBenchmark(slug: string): CatalogBenchmark | undefined {
  return benchmarkBySlug.get(slug);
}

export function getModel(id: string): CatalogModel | undefined {
  return modelById.get(id);
}

export function getConfig(alias: string): CatalogConfig | undefined {
  return configByAlias.get(alias);
}

/** Benchmarks that an env id can map to (careqa → careqa, careqa_open). */
export function benchmarksForEnv(envId: string): CatalogBenchmark[] {
  return benchmarks.filter((b) => b.envIds.includes(envId));
}

/** All suite variants of a subset, in catalog order. */
export function suiteVariants(subset: "V" | "OE"): { benchmark: CatalogBenchmark; variant: CatalogVariant }[] {
  return benchmarks
    .filter((b) => b.subset === subset && b.inSuiteConfig)
    .flatMap((benchmark) => benchmark.variants.map((variant) => ({ benchmark, variant })));
}
