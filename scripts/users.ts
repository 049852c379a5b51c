/**
 * Account administration from the shell:
 *   npm run users -- add <email> [--name N] [--admin]   (password from a hidden prompt, twice, or from stdin)
 *   npm run users -- list [--json]
 *   npm run users -- set-admin <email> on|off
 *   npm run users -- remove <email>
 * Exit codes: 0 done, 1 refused (unknown user, email taken, weak password, the two entries differ),
 * 2 usage error (unknown command or option, no password given).
 */
import nextEnv from "@next/env";
import { hashPassword } from "@/lib/auth/password-hash";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { type Db, db } from "@/lib/db/database";
import { createUser, findUserByEmail, listUsers, removeUser, setAdmin } from "@/lib/users/user-repository";
import { readNewPassword } from "./read-password";
import { parseUsersArgs, type UsersCommand } from "./users-args";
import { listedUser, usersJson, usersTable } from "./users-output";

const USAGE = `Usage:
  npm run users -- add <email> [--name N] [--admin]
  npm run users -- list [--json]
  npm run users -- set-admin <email> on|off
  npm run users -- remove <email>`;

class UsageError extends Error {}
class Refused extends Error {}

const ENTRY_PROBLEMS = {
  mismatch: () => new Refused("the two passwords do not match; nothing was added"),
  cancelled: () => new Refused("no password given; nothing was added"),
  missing: () => new UsageError("a password is needed: type it at the prompt, or give it as the first line of stdin"),
};

async function add(database: Db, command: Extract<UsersCommand, { kind: "add" }>): Promise<string> {
  const { email, name, admin } = command;
  // Before the password is asked for: nobody should type one for an account that cannot be created.
  if (await findUserByEmail(database, email)) throw new Refused(`${email} already has an account`);
  const entry = await readNewPassword(`Password for ${email}: `);
  if (!entry.ok) throw ENTRY_PROBLEMS[entry.reason]();
  const verdict = checkPasswordStrength(entry.password, { email, name, appName: process.env.APP_NAME ?? "Iron Gate" });
  if (!verdict.ok) throw new Refused([verdict.reason, ...verdict.suggestions].join(" "));
  const passwordHash = await hashPassword(entry.password);
  // The unique index still decides: someone may have taken the email while the password was typed.
  const created = await createUser(database, { email, name, passwordHash, isAdmin: admin });
  if (!created.ok) throw new Refused(`${email} already has an account`);
  return `Added ${email}${admin ? " (admin)" : ""}.`;
}

async function run(command: UsersCommand): Promise<string> {
  const database = await db();
  switch (command.kind) {
    case "add":
      return add(database, command);
    case "list": {
      const users = (await listUsers(database)).map(listedUser);
      return command.json ? usersJson(users) : usersTable(users);
    }
    case "set-admin": {
      const { email, admin } = command;
      if (!(await setAdmin(database, email, admin))) throw new Refused(`no user with email ${email}`);
      return `${email} is ${admin ? "now" : "no longer"} an admin.`;
    }
    case "remove":
      if (!(await removeUser(database, command.email))) throw new Refused(`no user with email ${command.email}`);
      return `Removed ${command.email}; their sessions have ended.`;
  }
}

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (message) console.error(`error: ${message}`);
  if (error instanceof UsageError) {
    console.error(USAGE);
    process.exit(2);
  }
  process.exit(1);
}

// The same .env files Next.js would read: development ones unless NODE_ENV=production.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
const parsed = parseUsersArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.exit === 2 ? new UsageError(parsed.message) : new Refused(parsed.message));
try {
  console.log(await run(parsed.command));
  process.exit(0);
} catch (error) {
  fail(error);
}
