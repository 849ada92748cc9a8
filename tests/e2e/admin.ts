/** Sign-in as the demo administrator, shared by the accessibility and keyboard tests. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const ADMIN = { name: "admin", password: "a11y admin password" };

/**
 * Gives the demo administrator a known password: on the embedded database `admin` exists (its
 * password was printed once in the server log) and `npm run user` hands the command to the server;
 * on PostgreSQL no account exists, so it is created. Idempotent.
 */
export function ensureAdmin(dataDir: string, databaseUrl: string): void {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args, "--password", ADMIN.password], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite"), DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
  let r = run(["set-password", ADMIN.name]);
  if (r.status !== 0) r = run(["add", ADMIN.name, "--admin"]);
  if (r.status !== 0) throw new Error(`could not set up the admin account:\n${r.stdout}${r.stderr}`);
}

/** Signs in through the form (mouse and fill: the keyboard walk does it with keys). */
export async function signIn(page: Page, baseURL: string, who = ADMIN, callbackUrl = "/profile"): Promise<void> {
  await page.goto(`${baseURL}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.waitForLoadState("networkidle");
  await page.locator("#signin-name").fill(who.name);
  await page.locator("#signin-password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => u.pathname === callbackUrl);
}
