import { formatDelta } from "@/lib/format";
import { deltaColor } from "./delta-tone";
import { MissingValue } from "./missing-value";

/** A difference of shares in percentage points, coloured on the diverging scale ("+1.2 pp"). */
export function DeltaText({ delta, why = "No value to compare" }: { delta: number | null; why?: string }) {
  if (delta === null || !Number.isFinite(delta)) return <MissingValue why={why} />;
  return (
    <span className="font-medium tabular-nums" style={{ color: deltaColor(delta) }}>
      {formatDelta(delta)}
    </span>
  );
}
