/**
 * The scoring engine (spec §3): pure TypeScript over typed arrays, no database, no Next.
 *
 *   const input = buildBoardInput(rows, settings.orders);
 *   const result = scoreBoard(input, settings);     // or await scoreBoardParallel(...) for worker threads
 *   const json = toMedmarksJson(result);             // medarc-eval winrate's own shape
 *
 * Methods and decisions: lib/scoring/METHODS.md.
 */
export * from "./types";
export { buildBoardInput, BoardInputBuilder, datasetFromMatrix } from "./input";
export { scoreBoard, resolveSettings, planBoard, scoreDataset, assembleBoard, setWasmKernel, BOOTSTRAP_METHOD } from "./score";
export { datasetKernel, type DatasetTask, type DatasetOutput } from "./dataset-kernel";
export { scoreBoardParallel, type ParallelOptions } from "./parallel";
export { toMedmarksJson } from "./medmarks-json";
export { questionMeans, meanOfRewards, pairWinRate, compareHalves, sortQuestionIds } from "./pairwise";
export {
  weightOf,
  simpleMean,
  weightedMean,
  percentileSorted,
  nearestRankSorted,
  percentileInterval,
  selectKth,
  bootstrapMeanInterval,
} from "./stats";
export { createRng, hashString, mix32, resampleCounts, shuffle, type Rng } from "./prng";
export { bootstrapKernel, createKernelRuntime, kernelCounts, type KernelJob, type KernelOutput, type KernelRuntime } from "./kernel";
export { KERNEL_WASM } from "./wasm";
export {
  mcnemarExact,
  normalQuantile,
  normalMeanInterval,
  pairedBootstrap,
  holm,
  pairedCompare,
  PAIRED_BOOTSTRAP_REPLICATES,
  PAIRED_METHOD_LABELS,
  type McNemarResult,
  type PairedBootstrapOptions,
  type PairedBootstrapResult,
  type PairedCompareOptions,
  type PairedCompareResult,
  type PairedMethod,
} from "./paired";
export {
  orderBias,
  orderSensitivity,
  mostFlipped,
  mapOptionsToOriginal,
  optionLetter,
  normalizeOptionText,
  compareOptionKeys,
  type OrderBiasRow,
  type OrderBiasOptions,
  type OrderBiasResult,
  type OrderAccuracy,
  type ShuffleComparison,
  type PositionPreference,
  type QuestionChoices,
  type Share,
} from "./order-bias";
export {
  meanPerQuestion,
  meanTokensPerQuestion,
  boardTokens,
  paretoFrontier,
  effortRank,
  effortLadders,
  EFFORT_ORDER,
  type PerQuestionMean,
  type DatasetWeights,
  type BoardTokens,
  type ParetoPoint,
  type ParetoResult,
  type EffortLadder,
} from "./efficiency";
