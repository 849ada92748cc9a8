/**
 * Which configurations are worth comparing with a given one: the same model at other reasoning
 * efforts, its quantized copies (or the full-precision original of a quantized model), and the
 * generalist base of a medical fine-tune (or the fine-tunes of a generalist). Pure: works on the
 * catalog or on the database's configs/models alike.
 */
import type { ModelGroup } from "../catalog/types";
import type { SiblingKind } from "./config-types";

export interface SiblingConfig {
  slug: string;
  modelId: string;
  reasoningEffort: string | null;
  displayName: string;
}

export interface SiblingModel {
  id: string;
  displayName: string;
  group: ModelGroup | null;
  baseModelId: string | null;
}

export interface SiblingPick {
  slug: string;
  kind: SiblingKind;
  relation: string;
}

/** Effort names in increasing order (OpenAI's ladder); others sort after, by name. */
const EFFORT_ORDER = ["none", "minimal", "low", "medium", "high", "xhigh"];

export function effortRank(effort: string | null): number {
  if (effort === null) return -1;
  const i = EFFORT_ORDER.indexOf(effort.toLowerCase());
  return i === -1 ? EFFORT_ORDER.length : i;
}

const KIND_ORDER: SiblingKind[] = ["effort", "full-precision", "quantized", "base", "fine-tune"];

/** Siblings of `slug` (itself excluded), grouped by kind in KIND_ORDER; empty when `slug` is unknown. */
export function selectSiblings(slug: string, configs: readonly SiblingConfig[], models: readonly SiblingModel[]): SiblingPick[] {
  const self = configs.find((c) => c.slug === slug);
  if (!self) return [];
  const modelById = new Map(models.map((m) => [m.id, m]));
  const model = modelById.get(self.modelId);
  const nameOf = (id: string) => modelById.get(id)?.displayName ?? id;
  const configsOf = (modelId: string) => configs.filter((c) => c.modelId === modelId && c.slug !== slug);
  const picks = new Map<string, SiblingPick>();
  const add = (c: SiblingConfig, kind: SiblingKind, relation: string) => {
    if (!picks.has(c.slug)) picks.set(c.slug, { slug: c.slug, kind, relation });
  };

  for (const c of configsOf(self.modelId)) {
    add(c, "effort", c.reasoningEffort ? `same model, reasoning effort ${c.reasoningEffort}` : "same model, default reasoning effort");
  }
  if (model?.group === "quantized" && model.baseModelId) {
    for (const c of configsOf(model.baseModelId)) add(c, "full-precision", `unquantized ${nameOf(model.baseModelId)}`);
    // The other quantizations of the same original (AWQ 4-bit vs 8-bit vs FP8).
    for (const m of models) {
      if (m.id !== model.id && m.group === "quantized" && m.baseModelId === model.baseModelId) {
        for (const c of configsOf(m.id)) add(c, "quantized", `another quantization of ${nameOf(model.baseModelId)}`);
      }
    }
  }
  for (const m of models) {
    if (m.group === "quantized" && m.baseModelId === self.modelId) {
      for (const c of configsOf(m.id)) add(c, "quantized", "quantized copy of this model");
    }
  }
  if (model?.group === "medical" && model.baseModelId) {
    for (const c of configsOf(model.baseModelId)) add(c, "base", `generalist base (${nameOf(model.baseModelId)}) of this medical fine-tune`);
  }
  for (const m of models) {
    if (m.group === "medical" && m.baseModelId === self.modelId) {
      for (const c of configsOf(m.id)) add(c, "fine-tune", "medical fine-tune of this model");
    }
  }

  const bySlug = new Map(configs.map((c) => [c.slug, c]));
  return [...picks.values()].sort((a, b) => {
    const ca = bySlug.get(a.slug)!;
    const cb = bySlug.get(b.slug)!;
    return (
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      effortRank(ca.reasoningEffort) - effortRank(cb.reasoningEffort) ||
      ca.displayName.localeCompare(cb.displayName) ||
      a.slug.localeCompare(b.slug)
    );
  });
}
