// npm run user -- add <name> [--admin] [--email <e>] [--password <p> | --random]   (else the password is read from stdin)
// npm run user -- list | set-role <name> user|admin | set-password <name> [...] | disable <name> | enable <name>
// Local accounts in DATABASE_URL or the embedded PGlite; while the server holds the embedded
// database, the command is handed to it (like `npm run ingest`).
import readline from "node:readline";
import { parseArgs } from "node:util";
import { runUserCommand, type UserCommand } from "../lib/auth/commands";
import { passwordProblem, randomPassword } from "../lib/auth/password";
import { openDb } from "../lib/db";
import { DataDirInUseError } from "../lib/db/lock";
import { getEnv } from "../lib/env";
import { prepareDatabase } from "../lib/setup/prepare";
import { readServerInfo } from "../lib/setup/server-info";

const HELP = `usage: npm run user -- <command>

  add <name> [--admin] [--email <address>] [--password <p> | --random]
                      create a local account (role user, or admin with --admin); without
                      --password the password is read from stdin (prompted on a terminal),
                      --random generates one and prints it
  list                list accounts: name, role, sign-in methods, created, disabled
  set-role <name> user|admin
  set-password <name> [--password <p> | --random]
  disable <name> | enable <name>
`;

/** One line from stdin; on a terminal, prompted without echo. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = readline.createInterface({ input, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error("no password given (use --password, --random, or pipe it on stdin)");
  }
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    const onData = (ch: string) => {
      for (const c of ch) {
        if (c === "\r" || c === "\n") {
          input.setRawMode(false);
          input.pause();
          input.off("data", onData);
          process.stderr.write("\n");
          return resolve(value);
        }
        if (c === "\u0003") {
          input.setRawMode(false);
          return reject(new Error("cancelled"));
        }
        if (c === "\u007f") value = value.slice(0, -1);
        else value += c;
      }
    };
    input.on("data", onData);
  });
}

async function passwordFrom(values: { password?: string; random?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (values.password !== undefined) return { password: values.password, generated: false };
  if (values.random) return { password: randomPassword(), generated: true };
  const p = await readPassword("password: ");
  const problem = passwordProblem(p);
  if (problem) throw new Error(problem);
  if (process.stdin.isTTY && (await readPassword("again: ")) !== p) throw new Error("the passwords differ");
  return { password: p, generated: false };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      admin: { type: "boolean" },
      email: { type: "string" },
      password: { type: "string" },
      random: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [cmd, name, arg] = positionals;
  if (values.help || !cmd) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const need = (v: string | undefined, what: string) => {
    if (!v) {
      console.error(`${cmd}: ${what} missing\n\n${HELP}`);
      process.exit(2);
    }
    return v;
  };
  let command: UserCommand;
  let generated: string | null = null;
  switch (cmd) {
    case "add":
    case "set-password": {
      const n = need(name, "<name>");
      const p = await passwordFrom(values);
      if (p.generated) generated = p.password;
      command = cmd === "add" ? { cmd, name: n, password: p.password, admin: values.admin === true, email: values.email } : { cmd, name: n, password: p.password };
      break;
    }
    case "list":
      command = { cmd };
      break;
    case "set-role": {
      const role = need(arg, "role (user or admin)");
      if (role !== "user" && role !== "admin") {
        console.error(`set-role: the role is user or admin, not ${role}`);
        process.exit(2);
      }
      command = { cmd, name: need(name, "<name>"), role };
      break;
    }
    case "disable":
    case "enable":
      command = { cmd, name: need(name, "<name>") };
      break;
    default:
      console.error(`unknown command ${cmd}\n\n${HELP}`);
      process.exit(2);
  }

  const env = getEnv();
  let result;
  let handle;
  try {
    handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  } catch (e) {
    // The embedded database has one writer: when the running server holds it, hand the command over.
    const server = e instanceof DataDirInUseError ? readServerInfo(env.DATA_DIR) : null;
    if (!server || !(e instanceof DataDirInUseError) || server.pid !== e.pid) throw e;
    console.error(`the embedded database is held by the running server (pid ${server.pid}): handing the command to ${server.origin}`);
    const res = await fetch(`${server.origin}/api/internal/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body: JSON.stringify(command),
    });
    if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
    result = (await res.json()) as { ok: boolean; lines: string[] };
  }
  if (handle) {
    try {
      await prepareDatabase(handle, { migrate: true, seedDemo: false, dataDir: env.DATA_DIR, questionsPerDataset: env.DEMO_QUESTIONS });
      result = await runUserCommand(handle.raw, command);
    } finally {
      await handle.close();
    }
  }
  for (const line of result!.lines) (result!.ok ? console.log : console.error)(line);
  if (result!.ok && generated) console.log(`password: ${generated}`);
  process.exitCode = result!.ok ? 0 : 1;
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
