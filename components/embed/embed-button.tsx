"use client";

/**
 * "Embed": a disclosure under a chart (or table) with the `<iframe>` snippet that shows this view
 * alone on another site (`/embed/...`): full width, the height chosen here, pinned to the snapshot
 * shown unless unticked, with a preview link and a Copy button.
 */
import { useEffect, useId, useRef, useState } from "react";
import { CodeIcon, ExternalLinkIcon } from "lucide-react";

import { CopyButton } from "@/components/benchmark/copy-button";
import { cn } from "@/lib/utils";

import { EMBED_MAX_HEIGHT, EMBED_MIN_HEIGHT, embedSrc, iframeSnippet } from "./embed-url";

export interface EmbedButtonProps {
  /** The embed's path and query without `h` and `snapshot`, e.g. `/embed/efficiency?board=V`; or a function read when opened (live URL state). */
  path: string | (() => string);
  /** Chart height in px the snippet starts with. */
  height: number;
  snapshotId: string;
  title: string;
  className?: string;
}

export function EmbedButton({ path, height: initialHeight, snapshotId, title, className }: EmbedButtonProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const ids = useId();
  const [open, setOpen] = useState(false);
  const clamp = (v: number) => Math.min(EMBED_MAX_HEIGHT, Math.max(EMBED_MIN_HEIGHT, Math.round(v)));
  const [height, setHeight] = useState(clamp(initialHeight));
  const [edited, setEdited] = useState(false);
  const [pin, setPin] = useState(true);
  const [origin, setOrigin] = useState("");
  const [livePath, setLivePath] = useState(typeof path === "string" ? path : "");

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

  const h = clamp(height);
  const src = embedSrc(origin, livePath, { height: h, snapshot: pin ? snapshotId : null });
  const snippet = iframeSnippet({ src, chartHeight: h, title });

  return (
    <details
      ref={ref}
      className={cn("relative", className)}
      data-testid="embed-button"
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) {
          setOrigin(window.location.origin);
          setLivePath(typeof path === "string" ? path : path());
          if (!edited) setHeight(clamp(initialHeight)); // the chart may have changed (board, rows) since the first render
        }
      }}
    >
      <summary
        className={cn(
          "inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-input bg-background px-2.5 text-sm font-medium shadow-xs select-none hover:bg-accent hover:text-accent-foreground",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden",
        )}
        aria-label={`Embed “${title}” on another site`}
      >
        <CodeIcon aria-hidden className="size-4" />
        Embed
      </summary>
      <div
        role="group"
        aria-label="Embed this view"
        className="absolute right-0 z-40 mt-1 w-[min(36rem,calc(100vw-2rem))] space-y-3 rounded-lg border bg-popover p-4 text-left text-sm text-popover-foreground shadow-lg"
      >
        <p className="text-xs text-muted-foreground">
          Paste this into a web page to show this view alone: it fills the page&apos;s width, and links back here.
        </p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
          <label htmlFor={`${ids}-h`} className="flex items-center gap-1.5">
            Chart height
            <input
              id={`${ids}-h`}
              type="number"
              min={EMBED_MIN_HEIGHT}
              max={EMBED_MAX_HEIGHT}
              step={10}
              value={height}
              onBlur={() => setHeight(h)}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (!Number.isFinite(v)) return;
                setEdited(true);
                setHeight(v); // clamped in the snippet, not while typing
              }}
              className="h-7 w-20 rounded-md border border-input bg-background px-2 tabular-nums"
            />
            px
          </label>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} className="size-4 accent-foreground" />
            Pin to snapshot <code className="font-mono">{snapshotId}</code>
          </label>
        </div>
        <p className="text-xs text-muted-foreground">
          {pin ? "Pinned: the embed keeps showing these numbers after new runs are published." : "Not pinned: the embed follows the latest snapshot."}
        </p>
        <div className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">HTML</h3>
            <div className="flex items-center gap-1">
              <a
                href={src}
                target="_blank"
                rel="noopener"
                className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-xs underline underline-offset-4 hover:text-foreground"
                data-testid="embed-preview"
              >
                Preview <ExternalLinkIcon aria-hidden className="size-3" />
              </a>
              <CopyButton text={snippet} />
            </div>
          </div>
          <textarea
            readOnly
            value={snippet}
            rows={4}
            onFocus={(e) => e.currentTarget.select()}
            aria-label="Embed HTML"
            className="w-full resize-none rounded-md border bg-muted/50 p-2 font-mono text-xs break-all"
            data-testid="embed-snippet"
          />
        </div>
      </div>
    </details>
  );
}
