import { describe, expect, it } from "vitest";

import { isSnapshotId, pathWithQuery, readSnapshotParam, snapshotFromParam, withSnapshotParam } from "./url";

const A = "0123456789abcdef";
const B = "fedcba9876543210";

describe("snapshot ids in URLs", () => {
  it("accepts 16 lowercase hex digits only", () => {
    expect(isSnapshotId(A)).toBe(true);
    for (const bad of ["0123456789ABCDEF", "0123456789abcde", `${A}0`, "'; drop table runs", "", null, undefined, 12]) {
      expect(isSnapshotId(bad)).toBe(false);
    }
    expect(snapshotFromParam([A, B])).toBe(A);
    expect(snapshotFromParam("latest")).toBeNull();
  });

  it("reports a malformed value instead of dropping it silently", () => {
    expect(readSnapshotParam(undefined)).toEqual({ id: null, invalid: null });
    expect(readSnapshotParam("  ")).toEqual({ id: null, invalid: null });
    expect(readSnapshotParam(A)).toEqual({ id: A, invalid: null });
    expect(readSnapshotParam("abc")).toEqual({ id: null, invalid: "abc" });
  });
});

describe("withSnapshotParam", () => {
  it("adds the snapshot to a path, a path with a query, and an absolute URL with a fragment", () => {
    expect(withSnapshotParam("/", A)).toBe(`/?snapshot=${A}`);
    expect(withSnapshotParam("/head-to-head?board=OE&a=x", A)).toBe(`/head-to-head?board=OE&a=x&snapshot=${A}`);
    expect(withSnapshotParam("https://medmarks.example/models/gpt-5?board=V#scores", A)).toBe(
      `https://medmarks.example/models/gpt-5?board=V&snapshot=${A}#scores`,
    );
    expect(withSnapshotParam("?board=OE", A)).toBe(`?board=OE&snapshot=${A}`);
  });

  it("replaces an existing snapshot (every copy, encoded or not) and keeps the rest verbatim", () => {
    expect(withSnapshotParam(`/?board=OE&snapshot=${B}&sel=a,b`, A)).toBe(`/?board=OE&sel=a,b&snapshot=${A}`);
    expect(withSnapshotParam(`/?snapshot=${B}&snap%73hot=x&q=a%20b`, A)).toBe(`/?q=a%20b&snapshot=${A}`);
    expect(withSnapshotParam(`/?snapshot=garbage`, A)).toBe(`/?snapshot=${A}`);
  });

  it("removes it for the latest view", () => {
    expect(withSnapshotParam(`/efficiency?snapshot=${A}`, null)).toBe("/efficiency");
    expect(withSnapshotParam(`/efficiency?board=OE&snapshot=${A}#frontier`, null)).toBe("/efficiency?board=OE#frontier");
    expect(withSnapshotParam("/efficiency?board=OE&&", null)).toBe("/efficiency?board=OE");
  });

  it("does not mistake other parameters or the fragment for the snapshot", () => {
    expect(withSnapshotParam(`/?snapshots=1#snapshot=${B}`, A)).toBe(`/?snapshots=1&snapshot=${A}#snapshot=${B}`);
  });

  it("refuses a malformed id (it would go into a citation)", () => {
    expect(() => withSnapshotParam("/", "not-an-id")).toThrow(/not a snapshot id/);
  });
});

describe("pathWithQuery", () => {
  it("rebuilds a page's URL from its searchParams record", () => {
    expect(pathWithQuery("/", {})).toBe("/");
    expect(pathWithQuery("/", { board: "OE", sel: "a,b", x: undefined, r: ["1", "2"] })).toBe("/?board=OE&sel=a,b&r=1&r=2");
    expect(pathWithQuery("/order-bias", { config: "a b&c" })).toBe("/order-bias?config=a+b%26c");
  });
});
