/**
 * On the embedded demo database only (never with DATABASE_URL): at the first start an `admin`
 * account is created with a random password, printed once to the server log. Reset it with
 * `npm run user -- set-password admin` (handed to the running server).
 */
import type { RawClient } from "../db/raw";
import { randomPassword } from "./password";
import { createUser, getUserByName } from "./users";

export const DEMO_ADMIN_NAME = "admin";

export async function ensureDemoAdmin(
  raw: RawClient,
  opts: { enabled: boolean; log: (m: string) => void; password?: string },
): Promise<{ created: boolean; password?: string }> {
  if (!opts.enabled) return { created: false };
  const done = await raw.query<{ value: string }>(`select value from app_meta where key = 'demo_admin'`);
  if (done.length) return { created: false };
  if (await getUserByName(raw, DEMO_ADMIN_NAME)) {
    await markDone(raw);
    return { created: false };
  }
  const password = opts.password ?? randomPassword();
  await createUser(raw, { name: DEMO_ADMIN_NAME, password, role: "admin" });
  await markDone(raw);
  opts.log(`demo admin created: sign in at /signin as "${DEMO_ADMIN_NAME}" with password ${password} (shown once; change it with \`npm run user -- set-password ${DEMO_ADMIN_NAME}\`)`);
  return { created: true, password };
}

async function markDone(raw: RawClient) {
  await raw.query(`insert into app_meta (key, value) values ('demo_admin', '1') on conflict (key) do nothing`);
}
