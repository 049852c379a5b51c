import { env } from "@/lib/config/env";
import { db } from "@/lib/db/database";
import type { FieldErrors } from "@/lib/http/api-response";
import type { PublicUser } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import { hashPassword, verifyPassword } from "./password-hash";
import { checkPasswordStrength } from "./password-strength";

export type ChangePasswordResult = { ok: true; sessionVersion: number } | { ok: false; fields: FieldErrors };

/**
 * Changes a password: the current one is required (R19), the new one meets the policy, and the hash and
 * the bumped `sessionVersion` are written in one transaction, so every other session ends with the old
 * password (R17). The caller re-seals the current session with the returned version.
 */
export async function changePassword(
  user: PublicUser,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const database = await db();
  const stored = await findUserById(database, user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
    return { ok: false, fields: { currentPassword: "That is not your current password." } };
  }
  if (newPassword === currentPassword) {
    return { ok: false, fields: { newPassword: "Choose a password you have not been using." } };
  }
  const verdict = checkPasswordStrength(newPassword, { email: user.email, name: user.name, appName: env().APP_NAME });
  if (!verdict.ok) return { ok: false, fields: { newPassword: [verdict.reason, ...verdict.suggestions].join(" ") } };
  const passwordHash = await hashPassword(newPassword);
  const row = await database.transaction().execute((trx) =>
    trx
      .updateTable("users")
      .set((eb) => ({ passwordHash, sessionVersion: eb("sessionVersion", "+", 1) }))
      .where("id", "=", user.id)
      .returning("sessionVersion")
      .executeTakeFirstOrThrow(),
  );
  return { ok: true, sessionVersion: row.sessionVersion };
}
