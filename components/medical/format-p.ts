import { formatNumber, MISSING } from "@/lib/format";

/** A p-value: "<0.001" below 0.001, three decimals below 0.01 ("0.006"), else two ("0.04", "1.00"). */
export function formatP(p: number | null | undefined): string {
  if (typeof p !== "number" || !Number.isFinite(p)) return MISSING;
  if (p < 0.001) return "<0.001";
  return formatNumber(p, p < 0.01 ? 3 : 2);
}
