import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listEndpoints, OPENAPI_DOCUMENT, type DocumentedEndpoint } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "Read API" };

const C = ({ children }: { children: ReactNode }) => <code className="rounded bg-muted px-1 font-mono text-[0.85em]">{children}</code>;

/** The site's origin as the client reached it (for copy-pasteable examples). */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host.split(",")[0].trim()}`;
}

const anchor = (e: DocumentedEndpoint) => e.operationId;

function Params({ endpoint }: { endpoint: DocumentedEndpoint }) {
  if (!endpoint.parameters.length) return <p className="text-sm text-muted-foreground">No parameters.</p>;
  return (
    <Table className="text-xs">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Parameter</TableHead>
          <TableHead scope="col">In</TableHead>
          <TableHead scope="col">Type</TableHead>
          <TableHead scope="col">Values / default</TableHead>
          <TableHead scope="col">Meaning</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoint.parameters.map((p) => (
          <TableRow key={`${p.in}:${p.name}`}>
            <TableCell className="font-mono whitespace-nowrap">
              {p.name}
              {p.required ? <span className="text-muted-foreground"> (required)</span> : null}
            </TableCell>
            <TableCell>{p.in}</TableCell>
            <TableCell>{p.type}</TableCell>
            <TableCell className="font-mono">
              {p.values ? p.values.join(" | ") : null}
              {p.default !== undefined ? <span className="text-muted-foreground"> (default {String(p.default)})</span> : null}
            </TableCell>
            <TableCell className="min-w-64">{p.description}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * `/docs/api`: the public read API for people — every endpoint of the OpenAPI document
 * (lib/api/openapi.ts, served at /api/v1/openapi.json) with its parameters and an example curl.
 */
export default async function ApiDocsPage() {
  const base = await origin();
  const endpoints = listEndpoints();
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  return (
    <div className="space-y-8">
      <PageHeader
        title="Read API (v1)"
        description={
          <>
            Every number of the explorer as JSON, from the same queries as the pages. Machine-readable description:{" "}
            <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {OPENAPI_DOCUMENT.openapi}). How the numbers are computed:{" "}
            <Link href="/methodology">methodology</Link>.
          </>
        }
      />

      <section aria-labelledby="h-basics" className="space-y-3 text-sm leading-relaxed">
        <h2 id="h-basics" className="text-lg font-semibold">
          Basics
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Snapshots.</strong> Every answer is computed from one snapshot — the set of published runs at a moment, named by a
            content hash — and says which in <C>snapshot</C> (<C>id</C>, <C>createdAt</C>, <C>runCount</C>). Without parameters you get
            the latest snapshot; add <C>snapshot=&lt;id&gt;</C> (ids from <a href="#listSnapshots">/api/v1/snapshots</a>) and the
            answer is that snapshot&apos;s, forever. A malformed id is a 400, an unknown one a 404.
          </li>
          <li>
            <strong>Caching.</strong> Answers carry an <C>ETag</C> (snapshot id + route + parameters); send it back as{" "}
            <C>If-None-Match</C> to get <C>304 Not Modified</C>. Latest answers are <C>Cache-Control: public, max-age=60</C>; pinned
            ones <C>public, max-age=31536000, immutable</C>.
          </li>
          <li>
            <strong>Synthetic data.</strong> Answers computed from the generated demo runs say <C>&quot;synthetic&quot;: true</C>:
            those numbers are made up and say nothing about any model.
          </li>
          <li>
            <strong>Errors.</strong> JSON <C>{"{ error, status, issues? }"}</C>: 400 names each invalid parameter in <C>issues</C>,
            404 an unknown snapshot, slug or id, 500 a failure on the server (never an empty 200).
          </li>
          <li>
            <strong>Stable fields.</strong> Field names are documented in the OpenAPI schemas; within v1 fields may be added, never
            renamed or removed.
          </li>
          <li>
            <strong>Bulk download.</strong> <a href="#downloadSnapshotScores">/api/v1/snapshots/&#123;id&#125;/scores.csv.gz</a>: every
            per-question score of a snapshot as gzip-compressed CSV.
          </li>
        </ul>
        <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">
          {`# The latest leaderboard, then the same numbers pinned to its snapshot
curl -s "${base}/api/v1/leaderboard?board=V" | jq '.snapshot.id, .rows[0]'
curl -s "${base}/api/v1/leaderboard?board=V&snapshot=<id>"`}
        </pre>
      </section>

      <nav aria-labelledby="h-endpoints" className="space-y-2 text-sm">
        <h2 id="h-endpoints" className="text-lg font-semibold">
          Endpoints
        </h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          {endpoints.map((e) => (
            <li key={e.path}>
              <a href={`#${anchor(e)}`} className="font-mono underline-offset-4 hover:underline">
                GET {e.path}
              </a>{" "}
              <span className="text-muted-foreground">— {e.summary}</span>
            </li>
          ))}
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`h-tag-${tag}`} className="space-y-6">
          <h2 id={`h-tag-${tag}`} className="border-b pb-1 text-lg font-semibold">
            {tag}
          </h2>
          {endpoints
            .filter((e) => e.tag === tag)
            .map((e) => (
              <article key={e.path} id={anchor(e)} className="scroll-mt-4 space-y-3" data-testid="api-endpoint">
                <h3 className="font-mono text-base font-semibold">
                  <span className="mr-2 rounded bg-muted px-1.5 py-0.5 text-xs">{e.method}</span>
                  {e.path}
                </h3>
                <p className="text-sm">
                  <strong>{e.summary}.</strong> {e.description}
                </p>
                <Params endpoint={e} />
                {e.responseSchemas.length ? (
                  <p className="text-xs text-muted-foreground">
                    200: {e.responseSchemas.map((s) => <C key={s}>{s}</C>).reduce<ReactNode[]>((acc, x, i) => (i ? [...acc, " or ", x] : [x]), [])} (see
                    components.schemas in <a href="/api/v1/openapi.json">openapi.json</a>)
                  </p>
                ) : null}
                <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">
                  {e.operationId === "downloadSnapshotScores"
                    ? `curl -sO -J "${base}${e.example.replace("{id}", "<snapshot id>")}"`
                    : `curl -s "${base}${e.example.replace("{id}", "<snapshot id>")}"`}
                </pre>
              </article>
            ))}
        </section>
      ))}
    </div>
  );
}
