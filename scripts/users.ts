/**
 * Account administration from the shell:
 *   npm run users -- add <email> [--name N] [--admin]   (password from a hidden prompt, twice, or from stdin)
 *   npm run users -- list [--json]
 *   npm run users -- set-admin <email> on|off
 *   npm run users -- remove <email>
 *   npm run users -- disable <email> | enable <email> | sign-out <email>
 *   npm run users -- reset-password <email>          (the new password as for add; every session ends)
 * Exit codes: 0 done, 1 refused (unknown user, email taken, weak password, the two entries differ, the last
 * admin), 2 usage error (unknown command or option, no password given). The account changes go through
 * user-admin.ts, the functions the admin API uses, so the last-admin rule holds here too.
 */
import nextEnv from "@next/env";
import { hashPassword } from "@/lib/auth/password-hash";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { type Db, db } from "@/lib/db/database";
import { deleteUser, setUserAdmin, setUserDisabled, signOutUser } from "@/lib/users/user-admin";
import { createUser, findUserByEmail, listUsers } from "@/lib/users/user-repository";
import { readNewPassword } from "./read-password";
import { change, resetPassword } from "./users-accounts";
import { parseUsersArgs, type UsersCommand } from "./users-args";
import { ENTRY_PROBLEMS, Refused, UsageError } from "./users-errors";
import { listedUser, usersJson, usersTable } from "./users-output";

const USAGE = `Usage:
  npm run users -- add <email> [--name N] [--admin]
  npm run users -- list [--json]
  npm run users -- set-admin <email> on|off
  npm run users -- remove <email>
  npm run users -- disable <email>          (ends every session; sign-in fails like a wrong password)
  npm run users -- enable <email>
  npm run users -- sign-out <email>         (ends every session of the user)
  npm run users -- reset-password <email>   (asks twice on a terminal, else the first line of stdin)

A fresh deployment has no users and no default admin. Make the first admin with
  npm run users -- add <email> --admin
or promote an account that signed up with
  npm run users -- set-admin <email> on
The app always keeps one active admin: demoting, disabling or removing the last one is refused.`;

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
  const { kind } = command;
  switch (kind) {
    case "add":
      return add(database, command);
    case "list": {
      const users = (await listUsers(database)).map(listedUser);
      return command.json ? usersJson(users) : usersTable(users);
    }
    case "set-admin": {
      const { email, admin } = command;
      const done = `${email} is ${admin ? "now" : "no longer"} an admin.`;
      return change(database, email, (id) => setUserAdmin(database, id, admin), done);
    }
    case "remove": {
      const done = `Removed ${command.email}; their sessions have ended.`;
      return change(database, command.email, (id) => deleteUser(database, id), done);
    }
    case "disable":
    case "enable": {
      const done = `${command.email} is ${kind === "disable" ? "disabled; their sessions have ended" : "enabled"}.`;
      return change(database, command.email, (id) => setUserDisabled(database, id, kind === "disable"), done);
    }
    case "sign-out": {
      const done = `Signed ${command.email} out everywhere.`;
      return change(database, command.email, (id) => signOutUser(database, id), done);
    }
    case "reset-password":
      return resetPassword(database, command.email);
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
