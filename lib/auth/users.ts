/**
 * Local accounts in our own `users` table: create, look up, verify a password, change role or
 * password. Plain TypeScript over the raw client (the CLI, the server and tests share it).
 */
import type { RawClient, RawTx } from "../db/raw";
import { logAction } from "../submissions/audit";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

export type Role = "user" | "admin";

export interface UserRecord {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  githubId: string | null;
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
}

/** A bad or conflicting account field; `field` names the form input. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field: "name" | "email" | "password" | "role" | null = null,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export const NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

/** Account names are case-insensitive: stored lower-case. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

export function nameProblem(name: string): string | null {
  if (!NAME_PATTERN.test(name)) return "Use 2–32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.";
  return null;
}

function emailProblem(email: string): string | null {
  return /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/.test(email) ? null : "Enter a valid e-mail address.";
}

interface Row {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  github_id: string | null;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

const COLUMNS = `id, name, email, role, github_id, password_hash, to_json(created_at) #>> '{}' as created_at, to_json(disabled_at) #>> '{}' as disabled_at`;

function toRecord(r: Row): UserRecord {
  return {
    id: r.id, name: r.name, email: r.email, role: r.role, githubId: r.github_id, hasPassword: r.password_hash !== null,
    createdAt: r.created_at, disabledAt: r.disabled_at,
  };
}

export async function getUserById(raw: RawTx, id: string): Promise<UserRecord | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return null;
  const rows = await raw.query<Row>(`select ${COLUMNS} from users where id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function getUserByName(raw: RawTx, name: string): Promise<UserRecord | null> {
  const rows = await raw.query<Row>(`select ${COLUMNS} from users where name = $1`, [normalizeName(name)]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listUsers(raw: RawTx): Promise<UserRecord[]> {
  const rows = await raw.query<Row>(`select ${COLUMNS} from users order by created_at, name`);
  return rows.map(toRecord);
}

export async function countUsers(raw: RawTx): Promise<number> {
  const [r] = await raw.query<{ n: number }>(`select count(*)::int as n from users`);
  return Number(r.n);
}

export interface NewUser {
  name: string;
  email?: string | null;
  /** Plain password (hashed here); omitted for GitHub-only accounts. */
  password?: string | null;
  role?: Role;
  githubId?: string | null;
  /** Who created it (audit log); null = CLI / server. */
  actorId?: string | null;
}

/** Create an account; throws {@link UserError} for invalid or taken names and e-mails. */
export async function createUser(raw: RawClient, u: NewUser): Promise<UserRecord> {
  const name = normalizeName(u.name);
  const np = nameProblem(name);
  if (np) throw new UserError(np, "name");
  const email = u.email?.trim() ? u.email.trim().toLowerCase() : null;
  if (email) {
    const ep = emailProblem(email);
    if (ep) throw new UserError(ep, "email");
  }
  if (u.password != null) {
    const pp = passwordProblem(u.password);
    if (pp) throw new UserError(pp, "password");
  }
  const role: Role = u.role ?? "user";
  if (role !== "user" && role !== "admin") throw new UserError(`Unknown role ${String(role)}.`, "role");
  const hash = u.password != null ? await hashPassword(u.password) : null;
  return raw.transaction(async (tx) => {
    const taken = await tx.query<{ name: string; email: string | null }>(
      `select name, email from users where name = $1 or ($2::text is not null and email = $2)`,
      [name, email],
    );
    if (taken.some((t) => t.name === name)) throw new UserError("That name is taken.", "name");
    if (taken.length) throw new UserError("An account with that e-mail exists.", "email");
    let rows: Row[];
    try {
      rows = await tx.query<Row>(
        `insert into users (name, email, password_hash, github_id, role) values ($1,$2,$3,$4,$5) returning ${COLUMNS}`,
        [name, email, hash, u.githubId ?? null, role],
      );
    } catch (e) {
      // A concurrent sign-up with the same name or e-mail (unique indexes).
      if (/users_name_uq/.test(String((e as Error).message))) throw new UserError("That name is taken.", "name");
      if (/users_email_uq/.test(String((e as Error).message))) throw new UserError("An account with that e-mail exists.", "email");
      throw e;
    }
    const user = toRecord(rows[0]);
    await logAction(tx, { action: "create-user", actorId: u.actorId ?? null, subjectUserId: user.id, details: { name, role, github: !!u.githubId } });
    return user;
  });
}

/** The account for a name and password, or null (unknown name, wrong password, disabled). */
export async function verifyCredentials(raw: RawTx, name: unknown, password: unknown): Promise<UserRecord | null> {
  if (typeof name !== "string" || typeof password !== "string" || name.length > 64) {
    await verifyPassword("x", null); // constant work
    return null;
  }
  const rows = await raw.query<Row>(`select ${COLUMNS} from users where name = $1`, [normalizeName(name)]);
  const row = rows[0];
  const ok = await verifyPassword(password, row?.password_hash ?? null);
  if (!ok || !row || row.disabled_at !== null) return null;
  return toRecord(row);
}

async function requireUser(tx: RawTx, name: string): Promise<Row> {
  const rows = await tx.query<Row>(`select ${COLUMNS} from users where name = $1 for update`, [normalizeName(name)]);
  if (!rows[0]) throw new UserError(`No account named ${normalizeName(name)}.`, "name");
  return rows[0];
}

export async function setRole(raw: RawClient, name: string, role: Role, actorId: string | null = null): Promise<UserRecord> {
  if (role !== "user" && role !== "admin") throw new UserError(`Unknown role ${String(role)} (user or admin).`, "role");
  return raw.transaction(async (tx) => {
    const before = await requireUser(tx, name);
    const [row] = await tx.query<Row>(`update users set role = $2 where id = $1 returning ${COLUMNS}`, [before.id, role]);
    await logAction(tx, { action: "set-role", actorId, subjectUserId: before.id, details: { name: before.name, from: before.role, to: role } });
    return toRecord(row);
  });
}

export async function setPassword(raw: RawClient, name: string, password: string, actorId: string | null = null): Promise<UserRecord> {
  const pp = passwordProblem(password);
  if (pp) throw new UserError(pp, "password");
  const hash = await hashPassword(password);
  return raw.transaction(async (tx) => {
    const before = await requireUser(tx, name);
    const [row] = await tx.query<Row>(`update users set password_hash = $2 where id = $1 returning ${COLUMNS}`, [before.id, hash]);
    await logAction(tx, { action: "set-password", actorId, subjectUserId: before.id, details: { name: before.name } });
    return toRecord(row);
  });
}

export async function setDisabled(raw: RawClient, name: string, disabled: boolean, actorId: string | null = null): Promise<UserRecord> {
  return raw.transaction(async (tx) => {
    const before = await requireUser(tx, name);
    const [row] = await tx.query<Row>(
      `update users set disabled_at = ${disabled ? "coalesce(disabled_at, now())" : "null"} where id = $1 returning ${COLUMNS}`,
      [before.id],
    );
    await logAction(tx, { action: disabled ? "disable" : "enable", actorId, subjectUserId: before.id, details: { name: before.name } });
    return toRecord(row);
  });
}

/**
 * The account of a GitHub user: found by GitHub id, else created (name from the login, with a
 * numeric suffix when taken). Returns null for a disabled account.
 */
export async function upsertGithubUser(raw: RawClient, gh: { id: string; login: string; email?: string | null }): Promise<UserRecord | null> {
  const existing = await raw.query<Row>(`select ${COLUMNS} from users where github_id = $1`, [gh.id]);
  if (existing[0]) return existing[0].disabled_at ? null : toRecord(existing[0]);
  const base = normalizeName(gh.login).replace(/[^a-z0-9_.-]/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 28) || "github";
  for (let i = 0; i < 50; i++) {
    const name = i === 0 ? (base.length >= 2 ? base : `${base}-gh`) : `${base}-${i + 1}`;
    try {
      // The e-mail is not verified by us: keep it off to avoid claiming another account's address.
      return await createUser(raw, { name, githubId: gh.id, email: null });
    } catch (e) {
      if (e instanceof UserError && e.field === "name") continue;
      throw e;
    }
  }
  throw new UserError("Could not find a free account name for this GitHub login.", "name");
}
