/** The `{id}` of `/api/v1/snapshots/{id}/…`: a snapshot id; `snapshot=`, when given, must match it. */
import { parseSnapshotParam } from "../boards/snapshot-context";
import { quote, type ParamReader } from "./params";

export function readSnapshotPath(reader: ParamReader, path: Record<string, string>): { id: string } {
  const raw = path.id ?? "";
  const id = parseSnapshotParam(raw);
  if (!id) reader.issue("id", raw, `${quote(raw)} in the path is not a snapshot id (16 lowercase hexadecimal digits)`);
  const query = reader.get("snapshot");
  if (id && query !== null && parseSnapshotParam(query) && query !== id) {
    reader.issue("snapshot", query, `snapshot=${quote(query)} differs from the snapshot id in the path (leave it out)`);
  }
  return { id: id ?? "" };
}
