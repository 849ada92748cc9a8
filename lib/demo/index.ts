/** Synthetic demo data (Gen A run artifacts) for the explorer. Pure TypeScript: no Next, no DB. */
export { generateDemoRuns, runPath, DEFAULT_QUESTIONS_PER_DATASET, MAX_QUESTIONS_PER_DATASET } from "./generate";
export type { GenerateDemoOptions, GenerateDemoResult } from "./generate";
export {
  DEMO_CONFIG_ALIASES,
  INCOMPLETE_RUN,
  MISSING_RUNS,
  NO_USAGE_ALIAS,
  PERSONAS,
  resolveDemoConfigs,
  defaultCatalog,
} from "./configs";
export type { DemoCatalog, DemoConfig, Persona } from "./configs";
export { slug } from "../ingest/slug";
export { DEMO_SEED } from "./prng";
