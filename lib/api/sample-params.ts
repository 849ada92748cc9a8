/**
 * The sample list's parameters, read strictly for the API: the run page's parameters (see
 * lib/samples/params.ts) — sort, dir, outcome, min, max, mismatch, truncated, error, reasoning,
 * q, size, after | before — but an invalid value is a 400, never a silent default; a cursor must
 * decode for the chosen sort and direction.
 */
import { decodeCursor } from "../samples/cursor";
import {
  DEFAULT_PAGE_SIZE,
  defaultDir,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  normalizeQuery,
  SAMPLE_OUTCOMES,
  SAMPLE_SORTS,
  sampleParamsToSearch,
  type SampleParams,
  type SortDir,
} from "../samples/params";
import type { ParamReader } from "./params";

export function readSampleParams(reader: ParamReader): SampleParams {
  const sort = reader.oneOf("sort", SAMPLE_SORTS, "id", { what: "a sort" });
  const dir: SortDir = reader.optionalOneOf("dir", ["asc", "desc"] as const, "a direction") ?? defaultDir(sort);
  const cursor = (name: "after" | "before"): string | null => {
    const raw = reader.get(name);
    if (raw === null) return null;
    if (decodeCursor(raw, sort, dir)) return raw;
    reader.issue(name, raw.length > 60 ? `${raw.slice(0, 60)}…` : raw, `${name} is not a cursor of this list (cursors come from nextCursor / prevCursor of the same sort and dir)`);
    return null;
  };
  const after = cursor("after");
  const before = cursor("before");
  if (after !== null && before !== null) reader.issue("before", before, "Give after or before, not both");
  return {
    sort,
    dir,
    outcome: reader.optionalOneOf("outcome", SAMPLE_OUTCOMES, "an outcome"),
    minReward: reader.number("min"),
    maxReward: reader.number("max"),
    mismatch: reader.flag("mismatch"),
    truncated: reader.flag("truncated"),
    error: reader.flag("error"),
    reasoning: reader.flag("reasoning"),
    q: normalizeQuery(reader.text("q", MAX_QUERY_LENGTH)),
    size: reader.int("size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    after,
    before: after === null ? before : null,
  };
}

/** The canonical query string of sample params (the run page's form: defaults left out, fixed order). */
export function canonicalSampleParams(p: SampleParams): string {
  return sampleParamsToSearch(p).toString();
}
