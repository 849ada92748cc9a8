import { count, eq } from "drizzle-orm";
import { getDb } from "../db";
import { runs } from "../db/schema";

export interface DataStatus {
  /** Published runs whose provenance is the generated demo data. */
  demoRuns: number;
  /** All published runs. */
  totalRuns: number;
}

export async function getDataStatus(): Promise<DataStatus> {
  const db = await getDb();
  const rows = await db
    .select({ provenance: runs.provenance, n: count() })
    .from(runs)
    .where(eq(runs.status, "published"))
    .groupBy(runs.provenance);
  let demoRuns = 0;
  let totalRuns = 0;
  for (const r of rows) {
    totalRuns += Number(r.n);
    if (r.provenance === "demo") demoRuns += Number(r.n);
  }
  return { demoRuns, totalRuns };
}
