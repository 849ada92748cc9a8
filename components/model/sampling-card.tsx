import Link from "next/link";
import { TriangleAlertIcon } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/lib/format";
import type { ConfigView } from "@/lib/queries/config-types";

const SHOW_RUN_IDS = 12;

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-48 overflow-auto rounded-md bg-muted px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value ?? {}, null, 2)}
    </pre>
  );
}

/** Reasoning effort and sampling arguments: the configuration's, and what its runs were sampled with. */
export function SamplingCard({ view }: { view: ConfigView }) {
  const s = view.sampling;
  return (
    <Card data-testid="sampling-card">
      <CardHeader>
        <CardTitle>Sampling</CardTitle>
        <CardDescription>
          Reasoning effort: <strong className="text-foreground">{view.reasoningEffort ?? "not set"}</strong>. The configuration&apos;s
          sampling arguments {view.inCatalog ? "(the alias's defaults in the endpoint registry)" : "(from its first ingested run)"}, and
          those recorded in the metadata of the runs the boards show.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {s.differsFromConfig || s.runsDiffer ? (
          <Alert variant="warning" role="status" data-testid="sampling-mismatch">
            <TriangleAlertIcon aria-hidden="true" />
            <AlertTitle>
              {s.runsDiffer ? "The runs were not all sampled with the same arguments" : "The runs were sampled with other arguments than the configuration's"}
            </AlertTitle>
            <AlertDescription>
              Scores of this configuration mix {s.observed.length} set{s.observed.length === 1 ? "" : "s"} of sampling arguments
              {s.differsFromConfig ? ", not all of them the configuration's" : ""}: compare with care.
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="space-y-1">
          <h3 className="text-sm font-medium">Configuration</h3>
          <Json value={s.config} />
        </div>
        {s.observed.length ? (
          s.observed.map((o, i) => (
            <div key={i} className="space-y-1" data-testid="sampling-observed">
              <h3 className="text-sm font-medium">
                {o.matchesConfig ? "Runs with the configuration's arguments" : "Runs with other arguments"}{" "}
                <span className="font-normal text-muted-foreground">({formatInt(o.runIds.length)} runs)</span>
              </h3>
              {o.matchesConfig ? null : <Json value={o.args} />}
              <p className="text-xs text-muted-foreground">
                {o.runIds.slice(0, SHOW_RUN_IDS).map((id, j) => (
                  <span key={id}>
                    {j ? " · " : ""}
                    <Link href={`/runs/${id}`} prefetch={false} className="underline-offset-2 hover:underline">
                      run {id}
                    </Link>
                  </span>
                ))}
                {o.runIds.length > SHOW_RUN_IDS ? ` and ${formatInt(o.runIds.length - SHOW_RUN_IDS)} more` : null}
              </p>
            </div>
          ))
        ) : (
          <p className="text-sm text-muted-foreground">No run of this configuration is shown on the boards.</p>
        )}
      </CardContent>
    </Card>
  );
}
