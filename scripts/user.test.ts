/** The account CLI end to end on an embedded database: add (password flag, stdin, random), list, set-role, errors. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tmpDir } from "../lib/ingest/test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");
const dataDir = tmpDir("mm-user-cli-");

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite") },
    input: input ?? "",
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run user", () => {
  it("adds, lists and changes roles; refuses bad input with a message", () => {
    expect(cli(["add", "Ada", "--admin", "--password", "ada password 1"]).stdout).toMatch(/created admin ada/);
    const piped = cli(["add", "bob"], "bob password 1\n");
    expect(piped.code, piped.stderr).toBe(0);
    const random = cli(["add", "cy", "--random"]);
    expect(random.stdout).toMatch(/created user cy\npassword: \S{12,}/);
    const dup = cli(["add", "ADA", "--password", "whatever123"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/name: That name is taken/);
    expect(cli(["add", "dee", "--password", "short"]).stderr).toMatch(/at least 8 characters/);
    expect(cli(["set-role", "bob", "admin"]).stdout).toMatch(/bob is now admin/);
    expect(cli(["set-role", "bob", "root"]).code).toBe(2);
    const list = cli(["list"]).stdout;
    expect(list).toMatch(/^ada\s+admin\s+password/m);
    expect(list).toMatch(/^bob\s+admin\s+password/m);
    expect(list).toMatch(/^cy\s+user\s+password/m);
    expect(cli(["set-role", "nobody", "user"]).stderr).toMatch(/No account named nobody/);
  });
});
