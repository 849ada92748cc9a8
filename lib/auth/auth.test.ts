import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getAuditLog } from "../queries/submissions";
import { ensureDemoAdmin } from "./demo-admin";
import { hashPassword, verifyPassword } from "./password";
import { safeReturnPath } from "./redirect";
import { readOrCreateSecretFile } from "./secret";
import { mintSessionToken, readSessionClaims, SESSION_COOKIE, viewerFromCookies } from "./session";
import { clearFailures, isThrottled, recordFailure } from "./throttle";
import { createUser, getUserByName, setDisabled, setRole, UserError, verifyCredentials } from "./users";

const FAST = { N: 1024, r: 8, p: 1 };

describe("passwords (scrypt)", () => {
  it("hashes as scrypt$N$r$p$salt$hash and verifies in constant time", async () => {
    const h = await hashPassword("correct horse", FAST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("correct horse", h)).toBe(true);
    expect(await verifyPassword("correct hors", h)).toBe(false);
    expect(await hashPassword("correct horse", FAST)).not.toBe(h); // salted
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
    // A tampered cost is refused rather than run.
    expect(await verifyPassword("correct horse", h.replace("$1024$", `$${2 ** 30}$`))).toBe(false);
  });
});

describe("auth secret file", () => {
  it("is generated once with mode 600 and reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-secret-"));
    const a = readOrCreateSecretFile(dir);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(dir)).toBe(a);
    fs.chmodSync(path.join(dir, "auth-secret"), 0o644);
    expect(readOrCreateSecretFile(dir)).toBe(a);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  });
});

describe("return paths and throttling", () => {
  it("only same-site paths are followed after sign-in", () => {
    expect(safeReturnPath("/submit")).toBe("/submit");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)", "/api/v1/x", "/signin", undefined]) {
      expect(safeReturnPath(bad, "/profile")).toBe("/profile");
    }
  });

  it("locks a name after 10 failures in 15 minutes", () => {
    const t = Date.now();
    for (let i = 0; i < 9; i++) recordFailure("Mallory", t);
    expect(isThrottled("mallory", t)).toBe(false);
    recordFailure("mallory", t);
    expect(isThrottled("MALLORY", t)).toBe(true);
    expect(isThrottled("mallory", t + 16 * 60 * 1000)).toBe(false);
    clearFailures("mallory");
  });
});

describe.each(testDatabases())("accounts on $name", (database) => {
  const db = useCatalogDb(database);

  it("creates accounts with unique, case-insensitive names and checks credentials", async () => {
    const u = await createUser(db().raw, { name: "Alice", password: "alice password", email: "Alice@Example.org" });
    expect(u).toMatchObject({ name: "alice", role: "user", email: "alice@example.org", hasPassword: true });
    await expect(createUser(db().raw, { name: "ALICE", password: "another one!" })).rejects.toMatchObject({ field: "name" });
    await expect(createUser(db().raw, { name: "bob", password: "bob password", email: "alice@example.org" })).rejects.toMatchObject({ field: "email" });
    await expect(createUser(db().raw, { name: "x", password: "long enough" })).rejects.toBeInstanceOf(UserError);
    await expect(createUser(db().raw, { name: "carol", password: "short" })).rejects.toMatchObject({ field: "password" });
    await expect(createUser(db().raw, { name: "<script>", password: "long enough" })).rejects.toMatchObject({ field: "name" });
    expect((await verifyCredentials(db().raw, "ALICE", "alice password"))?.id).toBe(u.id);
    expect(await verifyCredentials(db().raw, "alice", "wrong password")).toBeNull();
    expect(await verifyCredentials(db().raw, "nobody", "alice password")).toBeNull();
    expect(await verifyCredentials(db().raw, { name: "alice" }, "alice password")).toBeNull();
    await setDisabled(db().raw, "alice", true);
    expect(await verifyCredentials(db().raw, "alice", "alice password")).toBeNull();
    await setDisabled(db().raw, "alice", false);
    const admin = await setRole(db().raw, "alice", "admin");
    expect(admin.role).toBe("admin");
    const log = await getAuditLog(db().raw);
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["create-user", "set-role", "disable", "enable"]));
    expect(log.find((l) => l.action === "set-role")?.details).toMatchObject({ from: "user", to: "admin" });
  });

  it("session cookies: the viewer comes from the database, not the token", async () => {
    const u = await createUser(db().raw, { name: "dora", password: "dora password" });
    const secret = "s".repeat(40);
    const token = await mintSessionToken(u.id, secret);
    expect((await readSessionClaims(`${SESSION_COOKIE}=${token}`, secret))?.uid).toBe(u.id);
    expect(await viewerFromCookies(db().raw, `other=1; ${SESSION_COOKIE}=${token}`, secret)).toEqual({ id: u.id, name: "dora", role: "user" });
    // Split over chunks, as Auth.js does for large cookies.
    const chunked = `${SESSION_COOKIE}.0=${token.slice(0, 100)}; ${SESSION_COOKIE}.1=${token.slice(100)}`;
    expect((await viewerFromCookies(db().raw, chunked, secret))?.id).toBe(u.id);
    await setRole(db().raw, "dora", "admin");
    expect((await viewerFromCookies(db().raw, `${SESSION_COOKIE}=${token}`, secret))?.role).toBe("admin");
    expect(await viewerFromCookies(db().raw, `${SESSION_COOKIE}=${token}`, "t".repeat(40))).toBeNull();
    expect(await viewerFromCookies(db().raw, `${SESSION_COOKIE}=${token.slice(0, -2)}xx`, secret)).toBeNull();
  });

  it("the demo admin is created once, only when enabled, and its password printed once", async () => {
    const logs: string[] = [];
    expect(await ensureDemoAdmin(db().raw, { enabled: false, log: (m) => logs.push(m) })).toEqual({ created: false });
    expect(await getUserByName(db().raw, "admin")).toBeNull();
    const first = await ensureDemoAdmin(db().raw, { enabled: true, log: (m) => logs.push(m) });
    expect(first.created).toBe(true);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(first.password);
    expect((await getUserByName(db().raw, "admin"))?.role).toBe("admin");
    expect((await verifyCredentials(db().raw, "admin", first.password))?.name).toBe("admin");
    expect(await ensureDemoAdmin(db().raw, { enabled: true, log: (m) => logs.push(m) })).toEqual({ created: false });
    expect(logs).toHaveLength(1);
  });
});
