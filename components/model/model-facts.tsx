import type { ReactNode } from "react";

import { GroupBadge } from "@/components/ui/group-badge";
import { formatNumber } from "@/lib/format";
import type { ConfigView } from "@/lib/queries/config-types";

import { MissingValue } from "./missing-value";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate text-sm">{children}</dd>
    </div>
  );
}

const yesNo = (v: boolean | null, why: string) => (v === null ? <MissingValue why={why} /> : v ? "Yes" : "No");

/** Parameters in billions: "30.5B (3.3B active)". */
function params(total: number | null, active: number | null): ReactNode {
  if (total === null) return <MissingValue why="Not disclosed by the developer" />;
  const b = (x: number) => `${formatNumber(x, Number.isInteger(x) ? 0 : 1)}B`;
  return active === null ? b(total) : `${b(total)} (${b(active)} active)`;
}

/** The model behind the configuration: provider id, organisation, group, size, weights, reasoning, base. */
export function ModelFacts({ view }: { view: ConfigView }) {
  const m = view.model;
  const unknown = "Not in the model catalog";
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border px-4 py-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="model-facts">
      <Fact label="Provider model id">
        <code className="font-mono text-xs" title={m.providerId}>
          {m.providerId}
        </code>
      </Fact>
      <Fact label="Organisation">{m.org ?? <MissingValue why={unknown} />}</Fact>
      <Fact label="Group">{m.group ? <GroupBadge group={m.group} /> : <MissingValue why={unknown} />}</Fact>
      <Fact label="Parameters">{m.inCatalog ? params(m.paramsB, m.activeParamsB) : <MissingValue why={unknown} />}</Fact>
      <Fact label="Open weights">{yesNo(m.openWeights, unknown)}</Fact>
      <Fact label="Reasoning model">{yesNo(m.reasoning, unknown)}</Fact>
      <Fact label="Reasoning effort">{view.reasoningEffort ?? <span className="text-muted-foreground">not set</span>}</Fact>
      <Fact label={m.group === "quantized" ? "Quantized from" : "Base model"}>
        {m.base ? (
          <span title={m.base.id}>{m.base.displayName}</span>
        ) : (
          <span className="text-muted-foreground">none</span>
        )}
      </Fact>
      {!view.inCatalog ? (
        <Fact label="Catalog">
          <span className="text-warning-foreground">not in the catalog (created by an ingest)</span>
        </Fact>
      ) : null}
      <Fact label="Configuration">
        <code className="font-mono text-xs">{view.slug}</code>
      </Fact>
    </dl>
  );
}
