import { hashPassword } from "@/lib/auth/password-hash";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import type { Db } from "@/lib/db/database";
import type { AccountChange } from "@/lib/users/user-admin";
import { findUserByEmail, replacePasswordHash } from "@/lib/users/user-repository";
import { readNewPassword } from "./read-password";
import { ENTRY_PROBLEMS, Refused } from "./users-errors";

/** A change to an existing account by email, through user-admin.ts (the last-admin rule included). */
export async function change(
  database: Db,
  email: string,
  apply: (id: string) => Promise<AccountChange>,
  done: string,
): Promise<string> {
  const user = await findUserByEmail(database, email);
  const result = user ? await apply(user.id) : ({ ok: false, reason: "not_found" } as const);
  if (result.ok) return done;
  if (result.reason === "last_admin") {
    throw new Refused(`${email} is the last active admin; make another admin first (set-admin <email> on)`);
  }
  throw new Refused(`no user with email ${email}`);
}

/** A new password, asked for like `add` does; the old sessions end with the old password (R17). */
export async function resetPassword(database: Db, email: string): Promise<string> {
  const user = await findUserByEmail(database, email);
  if (!user) throw new Refused(`no user with email ${email}`);
  const entry = await readNewPassword(`New password for ${email}: `);
  if (!entry.ok) throw ENTRY_PROBLEMS[entry.reason]();
  const context = { email, name: user.name, appName: process.env.APP_NAME ?? "Iron Gate" };
  const verdict = checkPasswordStrength(entry.password, context);
  if (!verdict.ok) throw new Refused([verdict.reason, ...verdict.suggestions].join(" "));
  const next = await hashPassword(entry.password);
  const changed = await replacePasswordHash(database, {
    id: user.id,
    expected: user.passwordHash,
    next,
    endSessions: true,
  });
  if (changed === null) throw new Refused(`the password of ${email} changed meanwhile; nothing was reset`);
  return `Reset the password of ${email}; their sessions have ended.`;
}
