/**
 * Account administration from the shell:
 *   npm run users -- add <email> [--name N] [--admin]   (password from a hidden prompt, or from stdin)
 *   npm run users -- list
 *   npm run users -- set-admin <email> on|off
 *   npm run users -- remove <email>
 * Exit codes: 0 done, 1 refused (unknown user, email taken, weak password), 2 usage error.
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { NameSchema } from "@/lib/auth/auth-schemas";
import { EmailSchema } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password-hash";
import { normalizePassword } from "@/lib/auth/password-rules";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { type Db, db } from "@/lib/db/database";
import { createUser, listUsers, removeUser, setAdmin } from "@/lib/users/user-repository";
import { readPassword } from "./read-password";

const USAGE = `Usage:
  npm run users -- add <email> [--name N] [--admin]
  npm run users -- list
  npm run users -- set-admin <email> on|off
  npm run users -- remove <email>`;

class UsageError extends Error {}
class Refused extends Error {}

function emailArg(value: string | undefined): string {
  if (!value) throw new UsageError("an email is required");
  const parsed = EmailSchema.safeParse(value);
  if (!parsed.success) throw new Refused(`${value}: ${parsed.error.issues[0]?.message ?? "invalid email"}`);
  return parsed.data;
}

function nameArg(value: string | undefined): string | null {
  const parsed = NameSchema.nullish().safeParse(value);
  if (!parsed.success) throw new Refused(`--name: ${parsed.error.issues[0]?.message ?? "invalid name"}`);
  return parsed.data ?? null;
}

function addArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: "string" }, admin: { type: "boolean", default: false } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function add(database: Db, args: string[]): Promise<string> {
  const { values, positionals } = addArgs(args);
  const email = emailArg(positionals[0]);
  const name = nameArg(values.name);
  const password = normalizePassword(await readPassword(`Password for ${email}: `));
  const verdict = checkPasswordStrength(password, { email, name, appName: process.env.APP_NAME ?? "Iron Gate" });
  if (!verdict.ok) throw new Refused([verdict.reason, ...verdict.suggestions].join(" "));
  const created = await createUser(database, {
    email,
    name,
    passwordHash: await hashPassword(password),
    isAdmin: values.admin,
  });
  if (!created.ok) throw new Refused(`${email} already has an account`);
  return `Added ${email}${values.admin ? " (admin)" : ""}.`;
}

async function list(database: Db): Promise<string> {
  const users = await listUsers(database);
  if (users.length === 0) return "No users yet.";
  return users
    .map(
      (user) =>
        `${user.email}\t${user.name ?? "-"}\t${user.isAdmin ? "admin" : "user"}\t${new Date(user.createdAt).toISOString()}`,
    )
    .join("\n");
}

async function run(command: string | undefined, args: string[]): Promise<string> {
  if (command === undefined || command === "help" || command === "--help") throw new UsageError("");
  if (!["add", "list", "set-admin", "remove"].includes(command)) throw new UsageError(`unknown command "${command}"`);
  const database = await db();
  switch (command) {
    case "add":
      return add(database, args);
    case "list":
      return list(database);
    case "set-admin": {
      const email = emailArg(args[0]);
      if (args[1] !== "on" && args[1] !== "off") throw new UsageError("set-admin takes on or off");
      if (!(await setAdmin(database, email, args[1] === "on"))) throw new Refused(`no user with email ${email}`);
      return `${email} is ${args[1] === "on" ? "now" : "no longer"} an admin.`;
    }
    default: {
      const email = emailArg(args[0]);
      if (!(await removeUser(database, email))) throw new Refused(`no user with email ${email}`);
      return `Removed ${email}; their sessions have ended.`;
    }
  }
}

// The same .env files Next.js would read: development ones unless NODE_ENV=production.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
const [command, ...rest] = process.argv.slice(2);
try {
  console.log(await run(command, rest));
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(`error: ${error.message}`);
    console.error(USAGE);
    process.exit(2);
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
