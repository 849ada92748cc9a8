/**
 * Is the database reachable? Process-wide state shared by the server start (lib/setup/start.ts),
 * the request gate (proxy.ts) and the error mapping of the API routes.
 *
 *   - `starting`: the first start attempt is running (requests wait for it in register()).
 *   - `ready`: the start succeeded and no connection error was seen since.
 *   - `unavailable`: the start failed (retried with backoff) or a query failed with a connection
 *     error (PostgreSQL restarted, network gone, PGlite data dir held by another process). Pages
 *     and the API answer 503 "database unavailable, retrying" until a probe succeeds; then `ready`.
 *
 * Pure state + classification here; the retry loops live in lib/setup/start.ts.
 */
import { DataDirInUseError } from "./lock";

export type DbState = "starting" | "ready" | "unavailable";

export interface Availability {
  state: DbState;
  /** Why the database is unavailable (a short message, never a password or stack trace). */
  reason: string | null;
  /** When it became unavailable (ms epoch), null otherwise. */
  since: number | null;
  /** Failed attempts since it became unavailable. */
  attempts: number;
  /** When the next attempt runs (ms epoch), null when none is scheduled. */
  nextAttemptAt: number | null;
}

type Global = typeof globalThis & { __medmarksAvailability?: Availability; __medmarksRecover?: () => void };

function store(): Availability {
  const g = globalThis as Global;
  g.__medmarksAvailability ??= { state: "ready", reason: null, since: null, attempts: 0, nextAttemptAt: null };
  return g.__medmarksAvailability;
}

/** The current state (a copy). Processes that never started the server (scripts, tests) are `ready`. */
export function availability(): Availability {
  return { ...store() };
}

export function markStarting(): void {
  Object.assign(store(), { state: "starting", reason: null, since: null, attempts: 0, nextAttemptAt: null });
}

export function markReady(): void {
  Object.assign(store(), { state: "ready", reason: null, since: null, attempts: 0, nextAttemptAt: null });
}

/** Record a failure; `nextAttemptAt` is when the caller's retry loop tries again. */
export function markUnavailable(error: unknown, nextAttemptAt: number | null = null): void {
  const s = store();
  const wasDown = s.state === "unavailable";
  s.state = "unavailable";
  s.reason = describeDbError(error);
  s.since = wasDown && s.since !== null ? s.since : Date.now();
  s.attempts = wasDown ? s.attempts + 1 : 1;
  s.nextAttemptAt = nextAttemptAt;
}

/**
 * A query failed with a connection error while serving: mark the database unavailable and wake
 * the recovery loop (registered by the server start). Returns true when `error` was one.
 */
export function noteQueryError(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  const wasDown = store().state === "unavailable";
  markUnavailable(error, store().nextAttemptAt);
  if (!wasDown) (globalThis as Global).__medmarksRecover?.();
  return true;
}

/** The server start registers how to recover (probe, re-run the start) after a connection error. */
export function onRecoverNeeded(fn: () => void): void {
  (globalThis as Global).__medmarksRecover = fn;
}

/** Errors that mean "the database cannot be reached right now" (as opposed to a bad query). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

// postgres.js error codes for lost or refused connections; Node socket errors; SQLSTATE classes
// 08 (connection exception) and 57P0x (server shutting down / restarting / cannot connect now),
// 53300 too_many_connections.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "57P01", "57P02", "57P03", "53300",
]);

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError || error instanceof DataDirInUseError) return true;
  const e = error as { code?: unknown; name?: unknown; errors?: unknown; cause?: unknown; message?: unknown };
  if (typeof e.code === "string" && (CONNECTION_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (e.name === "DataDirInUseError" || e.name === "DatabaseUnavailableError") return true; // across bundles
  if (Array.isArray(e.errors) && e.errors.some((x) => isConnectionError(x, depth + 1))) return true; // AggregateError
  return isConnectionError(e.cause, depth + 1);
}

/** A one-line description of a database error for logs and the 503 page (no stack, no password). */
export function describeDbError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  // Drizzle wraps driver errors ("Failed query: <sql>"): describe the connection error inside.
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && isConnectionError(cause) && !isOwnConnectionError(error)) return describeDbError(cause);
  const code = (error as { code?: unknown }).code;
  let msg = error.message || error.name;
  if (!msg && error instanceof AggregateError) msg = error.errors.map((e) => (e as Error)?.message).filter(Boolean).join("; ");
  msg = msg.replace(/postgres(ql)?:\/\/[^@\s]*@/g, "postgres://***@");
  return (typeof code === "string" && !msg.includes(code) ? `${msg} (${code})` : msg).slice(0, 300);
}

function isOwnConnectionError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return error instanceof DatabaseUnavailableError || error instanceof DataDirInUseError || (typeof code === "string" && CONNECTION_CODES.has(code));
}

/** Seconds until the next attempt, for Retry-After (at least 1). */
export function retryAfterSeconds(a: Availability = availability(), now = Date.now()): number {
  if (a.nextAttemptAt === null) return 2;
  return Math.max(1, Math.ceil((a.nextAttemptAt - now) / 1000));
}

/** The message of a 503 answer. */
export function unavailableMessage(a: Availability = availability()): string {
  const what = a.state === "starting" ? "The database is starting" : "The database is unavailable";
  return `${what}; the server is retrying by itself. Try again in a few seconds.${a.reason ? ` (${a.reason})` : ""}`;
}

/** Backoff for attempt n (1-based): 0.5 s, 1 s, 2 s, ... capped at `max`. */
export function backoffMs(attempt: number, max = 15_000): number {
  return Math.min(max, 500 * 2 ** Math.max(0, attempt - 1));
}
