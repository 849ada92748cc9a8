/**
 * Compute the current snapshot's stored views (order bias, efficiency, medical vs base) ahead of
 * the first visitor: at full scale the order-bias view takes about a minute to compute. Run in
 * the background after the server starts and after each ingest handed to it; failures are logged,
 * never thrown (the pages compute on demand anyway).
 */
import type { RawClient } from "../db/raw";
import { getEfficiency } from "../queries/efficiency";
import { getMedicalVsBase } from "../queries/medical";
import { getOrderBias } from "../queries/order-bias";

let running: Promise<void> | null = null;

export function warmViews(raw: RawClient, log: (m: string) => void = () => {}): Promise<void> {
  // One warm-up at a time; a later call while one runs waits for it (the snapshot may have moved
  // on, in which case the pages compute the rest on demand).
  if (running) return running;
  running = (async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["order bias (Medmarks-V)", () => getOrderBias({}, raw)],
      ["efficiency (Medmarks-V)", () => getEfficiency({ board: "V", x: "output" }, raw)],
      ["efficiency (Medmarks-OE)", () => getEfficiency({ board: "OE", x: "output" }, raw)],
      ["medical vs base (Medmarks-V)", () => getMedicalVsBase({ board: "V" }, raw)],
      ["medical vs base (Medmarks-OE)", () => getMedicalVsBase({ board: "OE" }, raw)],
    ];
    for (const [label, step] of steps) {
      const t0 = Date.now();
      try {
        await step();
        log(`view ${label} ready (${Date.now() - t0} ms)`);
      } catch (e) {
        log(`view ${label} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  })().finally(() => {
    running = null;
  });
  return running;
}
