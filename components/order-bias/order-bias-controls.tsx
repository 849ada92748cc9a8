/**
 * Server-rendered controls of `/order-bias`: the data switch (links) and the configuration picker
 * (a plain GET form, so it works without JavaScript and the URL reproduces the view).
 */
import Link from "next/link";

import { Button } from "@/components/ui/button";
import type { OrderBiasConfigRow, OrderBiasData } from "@/lib/queries/order-bias-types";
import { cn } from "@/lib/utils";

import { orderBiasHref, type OrderBiasPageParams } from "./params";

const DATA_LABELS: Record<OrderBiasData, string> = { auto: "Default", real: "Real runs", demo: "Demo runs", all: "All runs" };
const DATA_TITLES: Record<OrderBiasData, string> = {
  auto: "Real runs once any is published, else the synthetic demo runs (the boards' rule)",
  real: "Official and community runs only",
  demo: "The synthetic demo runs only",
  all: "Every published run, demo included",
};

export function DataSwitch({ params }: { params: OrderBiasPageParams }) {
  return (
    <nav aria-label="Runs shown" className="inline-flex items-center rounded-lg border bg-muted p-0.5">
      {(Object.keys(DATA_LABELS) as OrderBiasData[]).map((d) => {
        const active = d === params.data;
        return (
          <Link
            key={d}
            href={orderBiasHref({ ...params, data: d })}
            title={DATA_TITLES[d]}
            aria-current={active ? "true" : undefined}
            className={cn(
              "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              active && "bg-background text-foreground shadow-xs",
            )}
          >
            {DATA_LABELS[d]}
          </Link>
        );
      })}
    </nav>
  );
}

export function ConfigPicker({ configs, params }: { configs: OrderBiasConfigRow[]; params: OrderBiasPageParams }) {
  const sorted = [...configs].sort((a, b) => a.displayName.localeCompare(b.displayName, "en"));
  return (
    <form method="get" action="/order-bias#detail" className="flex flex-wrap items-center gap-2 text-sm" data-testid="config-picker">
      {params.sort !== "sensitivity" ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.data !== "auto" ? <input type="hidden" name="data" value={params.data} /> : null}
      {params.snapshot ? <input type="hidden" name="snapshot" value={params.snapshot} /> : null}
      <label htmlFor="order-bias-config" className="text-muted-foreground">
        Configuration
      </label>
      <select
        id="order-bias-config"
        name="config"
        defaultValue={params.config ?? ""}
        className="h-8 max-w-72 rounded-md border bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
      >
        <option value="" disabled>
          Choose a configuration…
        </option>
        {sorted.map((c) => (
          <option key={c.config} value={c.config}>
            {c.displayName}
          </option>
        ))}
      </select>
      <Button type="submit" variant="outline" size="sm">
        Show
      </Button>
    </form>
  );
}
