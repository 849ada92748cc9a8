/**
 * Authorization matrix: anonymous / owner / other user / admin × every mutating route and server
 * action and every page or API that can show pending data, with the expected status per cell.
 * Route handlers are called directly with Request objects carrying real session cookies (Auth.js
 * JWTs encrypted with the test secret); server actions read the same cookie through a mocked
 * next/headers. Also: CSRF (Origin / Sec-Fetch-Site) on every state-changing route, and forged,
 * expired and foreign-secret cookies.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const env = vi.hoisted(() => {
  const dataDir = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "mm-authz-"));
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET = "authz-test-secret-authz-test-secret-0123456789";
  process.env.UPLOAD_DAILY_COUNT = "1000";
  return { dataDir, headers: new Headers() };
});

vi.mock("next/headers", () => ({ headers: async () => env.headers, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("../boards/warm", () => ({ warmViews: async () => {} }));
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), connection: async () => {} }));

import { mintSessionToken, SESSION_COOKIE, type Viewer } from "../auth/session";
import { setDisabled, setRole } from "../auth/users";
import { getViewer } from "../auth/viewer";
import { testDatabases } from "../db/test-db";
import { getConfigView, listConfigs } from "../queries/config";
import { listBenchmarks } from "../queries/benchmark";
import { useCatalogDb } from "../../tests/support/catalog-db";
import * as listRoute from "../../app/api/v1/submissions/route";
import * as itemRoute from "../../app/api/v1/submissions/[id]/route";
import * as fileRoute from "../../app/api/v1/submissions/[id]/files/[index]/route";
import * as validateRoute from "../../app/api/v1/submissions/[id]/validate/route";
import * as confirmRoute from "../../app/api/v1/submissions/[id]/confirm/route";
import * as usersRoute from "../../app/api/internal/users/route";
import { approveAction, rejectAction, withdrawAction } from "./actions";
import { runAccess } from "./visibility";
import { catalogRun, genAFiles, makeUser, type UploadSource } from "./test-support";

const ORIGIN = "http://localhost:3000";
const SECRET = process.env.AUTH_SECRET!;
type Actor = "anonymous" | "owner" | "other" | "admin";
const ACTORS: Actor[] = ["anonymous", "owner", "other", "admin"];

afterAll(() => fs.rmSync(env.dataDir, { recursive: true, force: true }));

describe.each(testDatabases())("authorization on $name", (database) => {
  const db = useCatalogDb(database);
  const users: Record<Exclude<Actor, "anonymous">, Viewer> = {} as never;
  const cookies: Record<Actor, string | null> = { anonymous: null, owner: null, other: null, admin: null };

  beforeAll(async () => {
    // The route handlers and actions reach the database through the process-wide handle.
    (globalThis as { __medmarksDb?: Promise<unknown> }).__medmarksDb = Promise.resolve(db());
    users.owner = await makeUser(db().raw);
    users.other = await makeUser(db().raw);
    users.admin = await makeUser(db().raw, "admin");
    for (const a of ["owner", "other", "admin"] as const) cookies[a] = `${SESSION_COOKIE}=${await mintSessionToken(users[a].id, SECRET)}`;
  });
  afterAll(() => {
    delete (globalThis as { __medmarksDb?: unknown }).__medmarksDb;
  });

  const req = (actor: Actor, url: string, init: Omit<RequestInit, "headers"> & { headers?: Record<string, string> } = {}) => {
    const h: Record<string, string> = { origin: ORIGIN, "sec-fetch-site": "same-origin", ...(init.headers ?? {}) };
    if (cookies[actor]) h.cookie = cookies[actor]!;
    for (const [k, v] of Object.entries(h)) if (v === "") delete h[k];
    return new Request(`${ORIGIN}${url}`, { ...init, headers: h });
  };
  const params = <T>(p: T) => ({ params: Promise.resolve(p) });
  /** Status of an NDJSON answer: the HTTP status, or the status in its error line. */
  const ndStatus = async (res: Response) => {
    if (res.status !== 200) return res.status;
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    const last = lines[lines.length - 1];
    return last.type === "error" ? last.status : 200;
  };
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  /** Run a server action as `actor` (its cookie in the mocked request headers). */
  const asActor = async <T>(actor: Actor, fn: () => Promise<T>): Promise<T> => {
    env.headers = new Headers(cookies[actor] ? { cookie: cookies[actor]! } : {});
    try {
      return await fn();
    } finally {
      env.headers = new Headers();
    }
  };
  const actionStatus = (s: { ok?: string; status?: number }) => (s.ok ? 200 : (s.status ?? 500));

  /** A fresh submission of the owner, uploaded (all bytes) but not confirmed. */
  const uploaded = async (files: UploadSource[] = genAFiles(catalogRun(Math.floor(Math.random() * 1e6)))) => {
    const res = await listRoute.POST(
      req("owner", "/api/v1/submissions", { method: "POST", body: JSON.stringify({ files: files.map((f) => ({ path: f.path, size: f.data.length })) }) }),
    );
    expect(res.status).toBe(201);
    const id = (await res.json()).submission.id as number;
    for (const [i, f] of files.entries()) {
      const r = await fileRoute.PUT(req("owner", `/api/v1/submissions/${id}/files/${i}?offset=0`, { method: "PUT", body: new Uint8Array(f.data) }), params({ id: String(id), index: String(i) }));
      expect(r.status).toBe(200);
    }
    return { id, files };
  };
  /** A pending submission of the owner (confirmed). */
  const pending = async () => {
    const u = await uploaded();
    const r = await confirmRoute.POST(req("owner", `/api/v1/submissions/${u.id}/confirm`, { method: "POST", body: "{}" }), params({ id: String(u.id) }));
    expect(await ndStatus(r)).toBe(200);
    return u.id;
  };

  // ---- routes ---------------------------------------------------------------------------------

  it("GET /api/v1/submissions lists only one's own; ?all=1 is for admins", async () => {
    const id = await pending();
    const expectList: Record<Actor, number> = { anonymous: 401, owner: 200, other: 200, admin: 200 };
    for (const a of ACTORS) {
      const res = await listRoute.GET(req(a, "/api/v1/submissions"));
      expect(res.status, a).toBe(expectList[a]);
      if (res.status === 200) {
        const ids = (await res.json()).submissions.map((s: { id: number }) => s.id);
        expect(ids.includes(id), a).toBe(a === "owner");
      }
    }
    const expectAll: Record<Actor, number> = { anonymous: 401, owner: 403, other: 403, admin: 200 };
    for (const a of ACTORS) expect((await listRoute.GET(req(a, "/api/v1/submissions?all=1"))).status, a).toBe(expectAll[a]);
  });

  it("POST /api/v1/submissions: signed-in users only", async () => {
    const body = JSON.stringify({ files: [{ path: "runs.zip", size: 10 }] });
    const expected: Record<Actor, number> = { anonymous: 401, owner: 201, other: 201, admin: 201 };
    for (const a of ACTORS) expect((await listRoute.POST(req(a, "/api/v1/submissions", { method: "POST", body }))).status, a).toBe(expected[a]);
  });

  it("GET /api/v1/submissions/<id>: owner and admin; another user cannot tell it exists", async () => {
    const { id } = await uploaded();
    const expected: Record<Actor, number> = { anonymous: 401, owner: 200, other: 404, admin: 200 };
    for (const a of ACTORS) expect((await itemRoute.GET(req(a, `/api/v1/submissions/${id}`), params({ id: String(id) }))).status, a).toBe(expected[a]);
    const missing = await itemRoute.GET(req("other", `/api/v1/submissions/999999`), params({ id: "999999" }));
    expect(missing.status).toBe(404); // same answer as someone else's
  });

  it("PUT …/files/<index>: only the owner writes into an upload", async () => {
    const files = [{ path: "runs.zip", data: Buffer.from("0123456789") }];
    const res = await listRoute.POST(req("owner", "/api/v1/submissions", { method: "POST", body: JSON.stringify({ files: [{ path: "runs.zip", size: 10 }] }) }));
    const id = (await res.json()).submission.id;
    const expected: Record<Actor, number> = { anonymous: 401, other: 404, admin: 403, owner: 200 };
    for (const a of ["anonymous", "other", "admin", "owner"] as Actor[]) {
      const r = await fileRoute.PUT(req(a, `/api/v1/submissions/${id}/files/0?offset=0`, { method: "PUT", body: new Uint8Array(files[0].data) }), params({ id: String(id), index: "0" }));
      expect(r.status, a).toBe(expected[a]);
    }
    // Nothing of the refused writes reached the disk: exactly the owner's 10 bytes.
    expect(fs.readFileSync(path.join(env.dataDir, "uploads", String(id), "archives", "runs.zip"), "utf8")).toBe("0123456789");
  });

  it("POST …/validate and …/confirm: only the owner", async () => {
    const { id } = await uploaded();
    const expected: Record<Actor, number> = { anonymous: 401, other: 404, admin: 403, owner: 200 };
    for (const a of ["anonymous", "other", "admin", "owner"] as Actor[]) {
      const r = await validateRoute.POST(req(a, `/api/v1/submissions/${id}/validate`, { method: "POST", body: "{}" }), params({ id: String(id) }));
      expect(await ndStatus(r), `validate ${a}`).toBe(expected[a]);
    }
    for (const a of ["anonymous", "other", "admin", "owner"] as Actor[]) {
      const r = await confirmRoute.POST(req(a, `/api/v1/submissions/${id}/confirm`, { method: "POST", body: "{}" }), params({ id: String(id) }));
      expect(await ndStatus(r), `confirm ${a}`).toBe(expected[a]);
    }
    // Confirmed: the files are frozen, even for the owner.
    const again = await fileRoute.PUT(req("owner", `/api/v1/submissions/${id}/files/0?offset=0`, { method: "PUT", body: "x" }), params({ id: String(id), index: "0" }));
    expect(again.status).toBe(409);
  });

  it("DELETE /api/v1/submissions/<id> (withdraw): only the owner, only while not decided", async () => {
    const id = await pending();
    const expected: Record<Actor, number> = { anonymous: 401, other: 404, admin: 403, owner: 200 };
    for (const a of ["anonymous", "other", "admin", "owner"] as Actor[]) {
      expect((await itemRoute.DELETE(req(a, `/api/v1/submissions/${id}`, { method: "DELETE" }), params({ id: String(id) }))).status, a).toBe(expected[a]);
    }
    expect((await itemRoute.DELETE(req("owner", `/api/v1/submissions/${id}`, { method: "DELETE" }), params({ id: String(id) }))).status).toBe(409);
  });

  // ---- server actions --------------------------------------------------------------------------

  it("withdrawAction: only the owner", async () => {
    const id = await pending();
    const expected: Record<Actor, number> = { anonymous: 401, other: 404, admin: 403, owner: 200 };
    for (const a of ["anonymous", "other", "admin", "owner"] as Actor[]) {
      expect(actionStatus(await asActor(a, () => withdrawAction({}, form({ id: String(id) })))), a).toBe(expected[a]);
    }
  });

  it("approveAction and rejectAction: only admins (the owner cannot approve their own)", async () => {
    const id = await pending();
    const id2 = await pending();
    const expected: Record<Actor, number> = { anonymous: 401, owner: 403, other: 403, admin: 200 };
    for (const a of ["anonymous", "owner", "other", "admin"] as Actor[]) {
      expect(actionStatus(await asActor(a, () => rejectAction({}, form({ id: String(id2), reason: "not good" })))), `reject ${a}`).toBe(expected[a]);
    }
    for (const a of ["anonymous", "owner", "other", "admin"] as Actor[]) {
      expect(actionStatus(await asActor(a, () => approveAction({}, form({ id: String(id) })))), `approve ${a}`).toBe(expected[a]);
    }
    // Decided: neither can happen twice.
    expect(actionStatus(await asActor("admin", () => approveAction({}, form({ id: String(id) }))))).toBe(409);
    expect(actionStatus(await asActor("admin", () => rejectAction({}, form({ id: String(id), reason: "late" }))))).toBe(409);
    const [{ status }] = await db().raw.query<{ status: string }>(`select status from runs where submission_id = $1`, [id]);
    expect(status).toBe("published");
  });

  // ---- pages and queries that could show pending data ------------------------------------------

  it("a pending run is visible to its owner and admins only; public lists never show it", async () => {
    const files = genAFiles({ ...catalogRun(42), model: "acme/secret-model" });
    const u = await uploaded(files);
    const body = JSON.stringify({ alias: "acme-secret" });
    const r = await confirmRoute.POST(req("owner", `/api/v1/submissions/${u.id}/confirm`, { method: "POST", body }), params({ id: String(u.id) }));
    expect(await ndStatus(r)).toBe(200);
    const [run] = await db().raw.query<{ id: number }>(`select id from runs where submission_id = $1`, [u.id]);
    const runId = Number(run.id);
    const expected: Record<Actor, boolean> = { anonymous: false, owner: true, other: false, admin: true };
    for (const a of ACTORS) {
      const access = await runAccess(db().raw, runId, "pending", () => asActor(a, () => getViewer()));
      expect(access.visible, a).toBe(expected[a]);
    }
    // Published runs are public.
    expect((await runAccess(db().raw, runId, "published", async () => null)).visible).toBe(true);
    // The configuration this pending upload created is not public yet.
    expect(await getConfigView("acme-secret", db().raw)).toBeNull();
    expect((await listConfigs(db().raw)).rows.some((c) => c.slug === "acme-secret")).toBe(false);
    expect((await listBenchmarks(db().raw)).some((b) => b.slug.includes("secret"))).toBe(false);
    // Nor in any snapshot.
    const snap = await db().raw.query(`select 1 from snapshot_runs where run_id = $1`, [runId]);
    expect(snap).toHaveLength(0);
  });

  it("admin-only and owner-only pages", async () => {
    const id = await pending();
    const outcome = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        return "render";
      } catch (e) {
        const digest = String((e as { digest?: string }).digest ?? (e as Error).message);
        if (digest.includes("NEXT_REDIRECT")) return "redirect";
        if (digest.includes("NEXT_HTTP_ERROR_FALLBACK;404") || digest.includes("NEXT_NOT_FOUND")) return "404";
        throw e;
      }
    };
    const AdminPage = (await import("../../app/admin/page")).default;
    const ReviewPage = (await import("../../app/admin/submissions/[id]/page")).default;
    const SubmissionPage = (await import("../../app/submissions/[id]/page")).default;
    const expectAdmin: Record<Actor, string> = { anonymous: "redirect", owner: "404", other: "404", admin: "render" };
    const expectSub: Record<Actor, string> = { anonymous: "redirect", owner: "render", other: "404", admin: "render" };
    for (const a of ACTORS) {
      expect(await asActor(a, () => outcome(() => AdminPage())), `/admin ${a}`).toBe(expectAdmin[a]);
      expect(await asActor(a, () => outcome(() => ReviewPage({ params: Promise.resolve({ id: String(id) }) }))), `/admin/submissions ${a}`).toBe(expectAdmin[a]);
      expect(await asActor(a, () => outcome(() => SubmissionPage({ params: Promise.resolve({ id: String(id) }) }))), `/submissions/id ${a}`).toBe(expectSub[a]);
    }
  });

  // ---- sessions ------------------------------------------------------------------------------

  it("forged, expired, foreign-secret cookies are anonymous; a disabled or demoted account loses its rights at once", async () => {
    const list = (cookie: string) => listRoute.GET(new Request(`${ORIGIN}/api/v1/submissions`, { headers: { cookie } }));
    expect((await list(`${SESSION_COOKIE}=not-a-jwt`)).status).toBe(401);
    expect((await list(`${SESSION_COOKIE}=${await mintSessionToken(users.owner.id, "another-secret-another-secret-0123456789")}`)).status).toBe(401);
    expect((await list(`${SESSION_COOKIE}=${await mintSessionToken(users.owner.id, SECRET, { maxAge: -60 })}`)).status).toBe(401);
    expect((await list(`${SESSION_COOKIE}=${await mintSessionToken("no-such-user", SECRET)}`)).status).toBe(401);
    // The secure-prefixed cookie name is a different key-derivation salt: a token minted for one name fails under the other.
    expect((await list(`__Secure-${SESSION_COOKIE}=${await mintSessionToken(users.owner.id, SECRET)}`)).status).toBe(401);

    const temp = await makeUser(db().raw, "admin");
    const cookie = `${SESSION_COOKIE}=${await mintSessionToken(temp.id, SECRET)}`;
    const all = () => listRoute.GET(new Request(`${ORIGIN}/api/v1/submissions?all=1`, { headers: { cookie } }));
    expect((await all()).status).toBe(200);
    await setRole(db().raw, temp.name, "user");
    expect((await all()).status).toBe(403);
    await setDisabled(db().raw, temp.name, true);
    expect((await all()).status).toBe(401);
  });

  // ---- CSRF ----------------------------------------------------------------------------------

  it("state-changing routes refuse cross-site requests (Origin / Sec-Fetch-Site), even with a valid session", async () => {
    const { id } = await uploaded();
    const hostile: Record<string, Record<string, string>> = {
      "foreign Origin": { origin: "https://evil.example", "sec-fetch-site": "" },
      "cross-site fetch": { origin: ORIGIN, "sec-fetch-site": "cross-site" },
      "same-site subdomain": { origin: "http://sub.localhost:3000", "sec-fetch-site": "same-site" },
      "no Origin, no Sec-Fetch-Site": { origin: "", "sec-fetch-site": "" },
      "null Origin": { origin: "null", "sec-fetch-site": "" },
    };
    const p = params({ id: String(id) });
    for (const [label, headers] of Object.entries(hostile)) {
      const calls: [string, Promise<Response>][] = [
        ["create", listRoute.POST(req("owner", "/api/v1/submissions", { method: "POST", headers, body: JSON.stringify({ files: [{ path: "a.zip", size: 1 }] }) }))],
        ["put", fileRoute.PUT(req("owner", `/api/v1/submissions/${id}/files/0?offset=0`, { method: "PUT", headers, body: "x" }), params({ id: String(id), index: "0" }))],
        ["validate", validateRoute.POST(req("owner", `/api/v1/submissions/${id}/validate`, { method: "POST", headers, body: "{}" }), p)],
        ["confirm", confirmRoute.POST(req("owner", `/api/v1/submissions/${id}/confirm`, { method: "POST", headers, body: "{}" }), p)],
        ["delete", itemRoute.DELETE(req("owner", `/api/v1/submissions/${id}`, { method: "DELETE", headers }), p)],
      ];
      for (const [name, call] of calls) expect((await call).status, `${label}: ${name}`).toBe(403);
    }
    // The same requests from the site itself pass (Origin only, as older browsers send).
    const ok = await itemRoute.GET(req("owner", `/api/v1/submissions/${id}`, { headers: { "sec-fetch-site": "" } }), p);
    expect(ok.status).toBe(200);
    expect((await ok.json()).submission.status).toBe("uploading");
  });

  it("the internal account hand-off answers only to the server's own token", async () => {
    const res = await usersRoute.POST(new Request(`${ORIGIN}/api/internal/users`, { method: "POST", headers: { authorization: "Bearer nope" }, body: JSON.stringify({ cmd: "list" }) }));
    expect(res.status).toBe(403);
    const withCookie = await usersRoute.POST(
      new Request(`${ORIGIN}/api/internal/users`, { method: "POST", headers: { cookie: cookies.admin! }, body: JSON.stringify({ cmd: "set-role", name: users.other.name, role: "admin" }) }),
    );
    expect(withCookie.status).toBe(403); // an admin session is not the server token
  });
});
