"use client";

import { useEffect, useRef, useState } from "react";
import { QuoteIcon } from "lucide-react";

import { CopyButton } from "@/components/benchmark/copy-button";
import { siteCitation, type BenchmarkCitation } from "@/lib/cite/cite";
import { cn } from "@/lib/utils";

const PRE = "max-h-48 overflow-auto rounded-md border bg-muted/50 p-2 font-mono text-xs whitespace-pre-wrap break-all";

function Block({ label, text, testid, pre = true }: { label: string; text: string; testid: string; pre?: boolean }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{label}</h3>
        <CopyButton text={text} label={`Copy`} />
      </div>
      {pre ? (
        <pre className={PRE} data-testid={testid}>
          {text}
        </pre>
      ) : (
        <p className="rounded-md border bg-muted/50 p-2 text-xs break-all" data-testid={testid}>
          {text}
        </p>
      )}
    </div>
  );
}

/**
 * The "Cite this view" disclosure: a <details> that opens a panel under its button. Rendered on
 * the server with the URL the server saw; when opened, it re-reads the live URL (client-side
 * filters and sort live in the URL too) and pins it to the snapshot.
 */
export function CitePopover({
  title,
  path,
  snapshotId,
  snapshotDate,
  accessed: accessedAtRender,
  benchmarks,
  missing,
}: {
  title: string;
  path: string;
  snapshotId: string;
  snapshotDate: string;
  accessed: string;
  benchmarks: BenchmarkCitation[];
  missing: { slug: string; name: string }[];
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [url, setUrl] = useState(path);
  const [accessed, setAccessed] = useState(accessedAtRender);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent | MouseEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) {
        if (ref.current) ref.current.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, [open]);

  const site = siteCitation({ url, title, snapshotId, snapshotDate, accessed });
  const allBibtex = benchmarks.map((b) => b.bibtex).join("\n\n");
  const allPlain = benchmarks.map((b) => b.plain).join("\n");

  return (
    <details
      ref={ref}
      className="group relative"
      data-testid="cite-this-view"
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) {
          setUrl(window.location.href);
          setAccessed(new Date().toISOString());
        }
      }}
    >
      <summary
        className={cn(
          "inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-input bg-background px-2.5 text-sm font-medium shadow-xs select-none hover:bg-accent hover:text-accent-foreground",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden",
        )}
      >
        <QuoteIcon aria-hidden className="size-4" />
        Cite this view
      </summary>
      <div
        role="group"
        aria-label="Cite this view"
        className="absolute right-0 z-40 mt-1 w-[min(42rem,calc(100vw-2rem))] space-y-4 rounded-lg border bg-popover p-4 text-left text-sm text-popover-foreground shadow-lg"
      >
        <p className="text-xs text-muted-foreground">
          The permalink pins snapshot <code className="font-mono">{snapshotId}</code>: it shows these numbers even after new runs are
          published.
        </p>
        <Block label="Permalink" text={site.permalink} testid="cite-permalink" pre={false} />
        <Block label="BibTeX (this view)" text={site.bibtex} testid="cite-bibtex" />
        <Block label="Plain text (this view)" text={site.plain} testid="cite-plain" pre={false} />
        {benchmarks.length ? (
          <>
            <Block
              label={benchmarks.length === 1 ? `BibTeX (${benchmarks[0].names.join(", ")})` : `BibTeX (the ${benchmarks.length} benchmark papers shown)`}
              text={allBibtex}
              testid="cite-benchmarks-bibtex"
            />
            <Block label="Plain text (benchmarks)" text={allPlain} testid="cite-benchmarks-plain" />
          </>
        ) : null}
        {missing.length ? (
          <p className="text-xs text-muted-foreground" data-testid="cite-missing">
            No BibTeX in the catalog for: {missing.map((m) => m.name).join(", ")}.
          </p>
        ) : null}
      </div>
    </details>
  );
}
