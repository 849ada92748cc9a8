// Shared by the soak and fault benchmarks: what must hold in the database whatever was killed when.
//   - no partial run: every run's stored rollouts = its observed_rows;
//   - every artifact given (uploaded or ingested) is stored exactly once, with rows = its lines;
//   - every snapshot is consistent: its id is the hash of its runs' content hashes
//     (lib/boards/snapshot.ts) and its run_count the number of its runs;
//   - the published run set has its snapshot (the boards can be computed for it), optional.
import type { RawTx } from "../../lib/db/raw";
import { snapshotId } from "../../lib/boards/snapshot";
import type { Artifact } from "./artifacts";

export interface InvariantReport {
  runs: number;
  published: number;
  pending: number;
  rollouts: number;
  snapshots: number;
  artifactsChecked: number;
  /** Snapshot id of the published runs, when one exists. */
  publishedSnapshot: string | null;
  problems: string[];
}

export async function checkInvariants(raw: RawTx, artifacts: Artifact[], opts: { requirePublishedSnapshot?: boolean } = {}): Promise<InvariantReport> {
  const problems: string[] = [];
  const runs = await raw.query<{ id: number; sha: string; status: string; observed: number; stored: number }>(
    `select r.id, r.content_sha256 as sha, r.status, r.observed_rows as observed, coalesce(c.n, 0)::int as stored
       from runs r left join (select run_id, count(*)::int as n from rollouts group by run_id) c on c.run_id = r.id`,
  );
  const bySha = new Map<string, typeof runs>();
  let rollouts = 0;
  for (const r of runs) {
    rollouts += Number(r.stored);
    if (Number(r.stored) !== Number(r.observed)) problems.push(`partial run ${r.id}: ${r.stored} rollouts stored, observed_rows ${r.observed}`);
    const list = bySha.get(r.sha) ?? [];
    list.push(r);
    bySha.set(r.sha, list);
  }
  for (const a of artifacts) {
    const found = bySha.get(a.sha) ?? [];
    if (found.length !== 1) problems.push(`${a.via} ${a.dir}: ${found.length} runs with its content (want exactly 1)`);
    else if (Number(found[0].stored) !== a.lines) problems.push(`${a.via} ${a.dir}: run ${found[0].id} has ${found[0].stored} rows, the file ${a.lines} lines`);
  }
  const snaps = await raw.query<{ id: string; run_count: number }>(`select id, run_count from snapshots`);
  const members = await raw.query<{ snapshot_id: string; sha: string }>(
    `select sr.snapshot_id, r.content_sha256 as sha from snapshot_runs sr join runs r on r.id = sr.run_id`,
  );
  const shasOf = new Map<string, string[]>();
  for (const m of members) {
    const list = shasOf.get(m.snapshot_id) ?? [];
    list.push(m.sha);
    shasOf.set(m.snapshot_id, list);
  }
  for (const s of snaps) {
    const shas = shasOf.get(s.id) ?? [];
    if (shas.length !== Number(s.run_count)) problems.push(`snapshot ${s.id}: ${shas.length} runs listed, run_count ${s.run_count}`);
    if (snapshotId(shas) !== s.id) problems.push(`snapshot ${s.id}: its runs hash to ${snapshotId(shas)}`);
  }
  const published = runs.filter((r) => r.status === "published");
  const wanted = snapshotId(published.map((r) => r.sha));
  const has = snaps.some((s) => s.id === wanted);
  if (opts.requirePublishedSnapshot && !has) problems.push(`no snapshot ${wanted} for the ${published.length} published runs`);
  return {
    runs: runs.length,
    published: published.length,
    pending: runs.filter((r) => r.status === "pending").length,
    rollouts,
    snapshots: snaps.length,
    artifactsChecked: artifacts.length,
    publishedSnapshot: has ? wanted : null,
    problems,
  };
}
