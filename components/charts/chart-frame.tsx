"use client";

/**
 * Every chart sits in a ChartFrame: a titled figure with its legend and "SVG" / "PNG" export
 * buttons. The exported file carries the title, axes, legend and a footer "URL · snapshot · date"
 * (see export-svg.ts), so a figure in a paper says where it came from. With `embedPath` it also
 * offers "Embed": the `<iframe>` snippet of the same view alone (`/embed/...`, see components/embed).
 * The export code (./download-chart) is loaded on the first click, not with the page.
 */
import { useRef, useState, type ReactNode } from "react";
import { DownloadIcon } from "lucide-react";
import { EmbedButton } from "@/components/embed/embed-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { LegendItem } from "./export-svg";

export interface ChartFrameProps {
  title: string;
  subtitle?: string;
  legend?: LegendItem[];
  snapshotId: string;
  /** ISO timestamp or date of the snapshot. */
  snapshotDate: string;
  synthetic?: boolean;
  /** Extra controls shown beside the export buttons (e.g. a metric switch). */
  controls?: ReactNode;
  /** The embeddable view of this chart (`/embed/...` with its parameters, no `h`/`snapshot`): shows the "Embed" button. */
  embedPath?: string;
  /** The chart's height in px (the embed snippet's default). */
  embedHeight?: number;
  className?: string;
  children: ReactNode;
}

export function ChartFrame({
  title,
  subtitle,
  legend,
  snapshotId,
  snapshotDate,
  synthetic,
  controls,
  embedPath,
  embedHeight,
  className,
  children,
}: ChartFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const meta = () => ({
    title,
    subtitle,
    legend,
    url: window.location.href,
    snapshotId,
    date: snapshotDate.slice(0, 10),
    synthetic,
  });
  const run = async (fn: () => void | Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className={cn("space-y-2", className)} data-chart-frame>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption>
          <div className="font-medium">{title}</div>
          {subtitle ? <div className="text-xs text-muted-foreground">{subtitle}</div> : null}
        </figcaption>
        <div className="flex flex-wrap items-center gap-1">
          {controls}
          <Button variant="outline" size="sm" onClick={() => run(async () => (await import("./download-chart")).downloadFigureSvg(ref.current!, meta()))} aria-label={`Download “${title}” as SVG`}>
            <DownloadIcon aria-hidden /> SVG
          </Button>
          <Button variant="outline" size="sm" onClick={() => run(async () => (await import("./download-chart")).downloadFigurePng(ref.current!, meta()))} aria-label={`Download “${title}” as PNG`}>
            <DownloadIcon aria-hidden /> PNG
          </Button>
          {embedPath ? <EmbedButton path={embedPath} height={embedHeight ?? 400} snapshotId={snapshotId} title={title} /> : null}
        </div>
      </div>
      <div ref={ref}>{children}</div>
      {legend?.length ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.label} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className={cn("inline-block size-2.5", l.shape === "dot" ? "rounded-full" : l.shape === "line" ? "h-0.5 w-3" : "rounded-[2px]")}
                style={{ background: l.color }}
              />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          Export failed: {error}
        </p>
      ) : null}
    </figure>
  );
}
