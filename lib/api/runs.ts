/**
 * Which runs the public API shows. Latest: published and superseded runs (pending and rejected
 * community runs are their submitter's and the admins' only — the API says 404, as for an unknown
 * id). Pinned to a snapshot: the runs the snapshot holds.
 */
import type { SnapshotInfo } from "../boards/snapshot";
import type { RunProvenance } from "../queries/run";
import { getCurrentSnapshot, getRunSnapshotState } from "../queries/snapshots";

export interface RunAccess {
  snapshot: SnapshotInfo;
  /** The snapshot (pinned or latest) holds the run. */
  inSnapshot: boolean;
  provenance: RunProvenance;
}

/** The snapshot and the run's membership, or null when the run is not public (or, pinned, not in the snapshot). */
export async function publicRun(runId: number, pinned: string | null): Promise<RunAccess | null> {
  const snapshot = await getCurrentSnapshot();
  const state = await getRunSnapshotState(runId, snapshot.id);
  if (!state) return null;
  if (pinned ? !state.inSnapshot : state.status !== "published" && state.status !== "superseded") return null;
  return { snapshot, inSnapshot: state.inSnapshot, provenance: state.provenance };
}

export function runNotFound(runId: number, pinned: string | null): string {
  return pinned ? `Run ${runId} is not part of snapshot ${pinned}.` : `No published run ${runId}.`;
}
