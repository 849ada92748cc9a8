/**
 * The account commands of `npm run user`, run against a database: directly by the CLI, or by the
 * running server when it holds the embedded database (app/api/internal/users).
 */
import { z } from "zod";
import type { RawClient } from "../db/raw";
import { createUser, listUsers, setDisabled, setPassword, setRole, UserError } from "./users";

export const userCommandSchema = z.discriminatedUnion("cmd", [
  z.object({ cmd: z.literal("add"), name: z.string(), password: z.string(), admin: z.boolean().optional(), email: z.string().optional() }),
  z.object({ cmd: z.literal("list") }),
  z.object({ cmd: z.literal("set-role"), name: z.string(), role: z.enum(["user", "admin"]) }),
  z.object({ cmd: z.literal("set-password"), name: z.string(), password: z.string() }),
  z.object({ cmd: z.literal("disable"), name: z.string() }),
  z.object({ cmd: z.literal("enable"), name: z.string() }),
]);

export type UserCommand = z.infer<typeof userCommandSchema>;

export interface CommandResult {
  ok: boolean;
  lines: string[];
}

export async function runUserCommand(raw: RawClient, c: UserCommand): Promise<CommandResult> {
  try {
    switch (c.cmd) {
      case "add": {
        const u = await createUser(raw, { name: c.name, password: c.password, role: c.admin ? "admin" : "user", email: c.email });
        return { ok: true, lines: [`created ${u.role} ${u.name}`] };
      }
      case "list": {
        const users = await listUsers(raw);
        if (!users.length) return { ok: true, lines: ["no accounts"] };
        return {
          ok: true,
          lines: users.map(
            (u) =>
              `${u.name.padEnd(24)} ${u.role.padEnd(6)} ${u.hasPassword ? "password" : "        "} ${u.githubId ? "github" : "      "} ` +
              `${u.createdAt.slice(0, 10)}${u.disabledAt ? "  DISABLED" : ""}${u.email ? `  ${u.email}` : ""}`,
          ),
        };
      }
      case "set-role": {
        const u = await setRole(raw, c.name, c.role);
        return { ok: true, lines: [`${u.name} is now ${u.role}`] };
      }
      case "set-password": {
        const u = await setPassword(raw, c.name, c.password);
        return { ok: true, lines: [`password of ${u.name} changed`] };
      }
      case "disable":
      case "enable": {
        const u = await setDisabled(raw, c.name, c.cmd === "disable");
        return { ok: true, lines: [`${u.name} ${u.disabledAt ? "disabled" : "enabled"}`] };
      }
    }
  } catch (e) {
    if (e instanceof UserError) return { ok: false, lines: [`error: ${e.field ? `${e.field}: ` : ""}${e.message}`] };
    throw e;
  }
}
