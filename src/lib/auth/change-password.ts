import { audit, oncePerMinuteId } from "@/lib/audit/audit-log";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/database";
import type { FieldErrors } from "@/lib/http/api-response";
import type { RequestContext } from "@/lib/http/request-context";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt, clearAccount } from "@/lib/throttle/throttle-store";
import type { PublicUser } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import type { Throttled } from "./auth-service";
import { hashPassword, verifyPassword } from "./password-hash";
import { judgePassword } from "./password-judge";

export type ChangePasswordResult =
  | { ok: true; sessionVersion: number }
  | { ok: false; code: "invalid_input"; fields: FieldErrors }
  | Throttled;

/**
 * Changes a password: the current one is required (R19), the new one meets the policy, and the hash and
 * the bumped `sessionVersion` are written in one transaction, so every other session ends with the old
 * password (R17). The caller re-seals the current session with the returned version.
 */
export async function changePassword(
  user: PublicUser,
  currentPassword: string,
  newPassword: string,
  context: RequestContext,
): Promise<ChangePasswordResult> {
  const database = await db();
  // The current password is a credential check like sign-in: the same throttles (R42).
  const admitted = await admitAttempt(database, { ip: context.ip, account: user.email }, throttlePolicy());
  if (!admitted.ok) {
    const id = oncePerMinuteId("throttled", context);
    await audit({ id, event: "throttled", outcome: "blocked", userId: user.id, detail: "password change" }, context);
    return { ok: false, code: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
  }
  const stored = await findUserById(database, user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
    await audit(
      { event: "password_changed", outcome: "failure", userId: user.id, detail: "wrong current password" },
      context,
    );
    return { ok: false, code: "invalid_input", fields: { currentPassword: "That is not your current password." } };
  }
  await clearAccount(database, user.email);
  if (newPassword === currentPassword) {
    return { ok: false, code: "invalid_input", fields: { newPassword: "Choose a password you have not been using." } };
  }
  const verdict = await judgePassword(newPassword, { email: user.email, name: user.name, appName: env().APP_NAME });
  if (!verdict.ok) {
    return {
      ok: false,
      code: "invalid_input",
      fields: { newPassword: [verdict.reason, ...verdict.suggestions].join(" ") },
    };
  }
  const passwordHash = await hashPassword(newPassword);
  const row = await database.transaction().execute((trx) =>
    trx
      .updateTable("users")
      .set((eb) => ({ passwordHash, sessionVersion: eb("sessionVersion", "+", 1) }))
      .where("id", "=", user.id)
      .returning("sessionVersion")
      .executeTakeFirstOrThrow(),
  );
  await audit({ event: "password_changed", outcome: "success", userId: user.id }, context);
  return { ok: true, sessionVersion: row.sessionVersion };
}
