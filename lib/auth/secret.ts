/**
 * The secret that signs and encrypts session cookies: AUTH_SECRET when set, else 32 random bytes
 * generated once into DATA_DIR/auth-secret (mode 600) so that the embedded default needs no
 * configuration and sessions survive restarts. Set AUTH_SECRET explicitly in real deployments.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

let cached: { key: string; secret: string } | undefined;

export function authSecretFile(dataDir: string): string {
  return path.join(dataDir, "auth-secret");
}

/** Read, or create (mode 600), the generated secret in `dataDir`. */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = authSecretFile(dataDir);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) {
      // Tighten a file that was created or copied with broader permissions.
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return existing;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, secret + "\n", { mode: 0o600, flag: "wx" });
  try {
    // Two processes starting at once: the first link wins and both read the same secret.
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function getAuthSecret(): string {
  const env = getEnv();
  const key = env.AUTH_SECRET ? "env" : `file:${env.DATA_DIR}`;
  if (cached?.key === key) return cached.secret;
  const secret = env.AUTH_SECRET ?? readOrCreateSecretFile(env.DATA_DIR);
  cached = { key, secret };
  return secret;
}
