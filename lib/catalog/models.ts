import type { CatalogConfig, CatalogModel } from "./types";

// PLACEHOLDER: replaced by the full model catalog covering every alias of medmarks-endpoints.toml.
export const models: CatalogModel[] = [
  { id: "gpt-oss-20b", providerId: "openai/gpt-oss-20b", org: "OpenAI", displayName: "gpt-oss-20b", group: "open-weight", baseModelId: null, paramsB: 21, activeParamsB: 3.6, reasoning: true, openWeights: true },
];

export const configs: CatalogConfig[] = [
  { alias: "gpt-oss-20b", modelId: "gpt-oss-20b", reasoningEffort: "medium", displayName: "gpt-oss-20b (medium)", samplingArgs: { reasoning_effort: "medium" } },
];
