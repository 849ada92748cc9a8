// Shared by the soak and fault benchmarks: a user account (`npm run user`), its sign-in through
// Auth.js's credentials form, and uploads through the submission API exactly as /submit sends them
// (start, PUT each file from an offset, validate, confirm; NDJSON answers).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `npm run user -- add <name> --password <p>` against the server's database (hands off on PGlite). */
export async function addUser(name: string, password: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/user.ts", "add", name, "--password", password], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  if (code !== 0) throw new Error(`npm run user add ${name} failed (${code}): ${out}`);
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Sign in with name + password; the Cookie header of the session. */
export async function signIn(baseURL: string, name: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  cookiesOf(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseURL },
    body: new URLSearchParams({ name, password, csrfToken, callbackUrl: `${baseURL}/` }).toString(),
  });
  cookiesOf(res, jar);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${name} failed: ${res.status} ${res.headers.get("location")}`);
  return cookieHeader(jar);
}

/** fetch, with the transport error's cause in the message ("fetch failed" alone says nothing). */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new TransportError(`${init.method ?? "GET"} ${new URL(url).pathname}: ${(e as Error).message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""}`);
  }
}

/** The connection failed (reset, refused, closed): no HTTP status was received. */
export class TransportError extends Error {}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly step: string,
  ) {
    super(`${step}: ${status} ${body.slice(0, 300)}`);
  }
}

export interface UploadOutcome {
  id: number;
  runs: number;
  /** HTTP statuses of every request made, in order. */
  statuses: number[];
}

/** The last NDJSON object of a validate/confirm answer; throws on an `error` line. */
async function ndjsonResult(res: Response, step: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, text, step);
  const lines = text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { type: string; status?: number; error?: string; result?: unknown });
  const last = lines.at(-1);
  if (!last) throw new HttpError(res.status, "(empty answer)", step);
  if (last.type === "error") throw new HttpError(last.status ?? 500, last.error ?? "", step);
  return last.result;
}

export class Uploader {
  constructor(
    readonly baseURL: string,
    readonly cookie: string,
  ) {}

  private headers(extra: Record<string, string> = {}) {
    return { cookie: this.cookie, origin: this.baseURL, ...extra };
  }

  async start(files: { path: string; size: number }[], statuses: number[]): Promise<number> {
    const res = await send(`${this.baseURL}/api/v1/submissions`, {
      method: "POST",
      headers: this.headers({ "content-type": "application/json" }),
      body: JSON.stringify({ files }),
    });
    statuses.push(res.status);
    const text = await res.text();
    if (res.status !== 201) throw new HttpError(res.status, text, "start");
    return (JSON.parse(text) as { submission: { id: number } }).submission.id;
  }

  /** PUT bytes from `offset`; on 409 resume from what the server holds. Returns bytes held. */
  async put(id: number, index: number, data: Buffer, offset: number, statuses: number[]): Promise<number> {
    const res = await send(`${this.baseURL}/api/v1/submissions/${id}/files/${index}?offset=${offset}`, {
      method: "PUT",
      headers: this.headers({ "content-type": "application/octet-stream" }),
      body: new Uint8Array(data.subarray(offset)),
    });
    statuses.push(res.status);
    const text = await res.text();
    if (res.status === 409) {
      const received = (JSON.parse(text) as { received?: number }).received;
      if (typeof received === "number" && received !== offset) return this.put(id, index, data, received, statuses);
    }
    if (!res.ok) throw new HttpError(res.status, text, `put file ${index}`);
    return (JSON.parse(text) as { received: number }).received;
  }

  async step(id: number, step: "validate" | "confirm", statuses: number[]): Promise<unknown> {
    const res = await send(`${this.baseURL}/api/v1/submissions/${id}/${step}`, {
      method: "POST",
      headers: this.headers({ "content-type": "application/json" }),
      body: "{}",
    });
    statuses.push(res.status);
    return ndjsonResult(res, step);
  }

  /** Upload a run folder (metadata.json + results.jsonl) whole: start, PUT, validate, confirm. */
  async uploadRun(dir: string): Promise<UploadOutcome> {
    const statuses: number[] = [];
    const files = ["metadata.json", "results.jsonl"].map((f) => ({ path: `base/${f}`, data: fs.readFileSync(path.join(dir, f)) }));
    const id = await this.start(files.map((f) => ({ path: f.path, size: f.data.length })), statuses);
    for (const [i, f] of files.entries()) await this.put(id, i, f.data, 0, statuses);
    await this.step(id, "validate", statuses);
    const result = (await this.step(id, "confirm", statuses)) as { report: { totals: { valid: number } } };
    return { id, runs: result.report.totals.valid, statuses };
  }
}
