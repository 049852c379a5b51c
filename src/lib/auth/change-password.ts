import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { FieldErrors } from "@/lib/http/api-response";
import type { RequestContext } from "@/lib/http/request-context";
import { killEmailTokens } from "@/lib/mail/email-tokens";
import { enqueueMail } from "@/lib/mail/outbox";
import type { PublicUser } from "@/lib/users/user";
import { replacePasswordHash } from "@/lib/users/user-repository";
import { checkCurrentPassword } from "./current-password";
import { hashPassword } from "./password-hash";
import { judgePassword } from "./password-judge";
import { passwordChangedMail } from "./password-reset-mail";
import type { Throttled } from "./throttled";

export type ChangePasswordResult =
  | { ok: true; sessionVersion: number }
  | { ok: false; code: "invalid_input"; fields: FieldErrors }
  /** Another change of this password won the race: the current password given here is no longer current. */
  | { ok: false; code: "conflict" }
  | Throttled;

/**
 * Changes a password: the current one is required (R19), the new one meets the policy, and the hash and
 * the bumped `sessionVersion` are written in one statement that insists the stored hash is still the one
 * verified, so of two concurrent changes exactly one wins and every other session ends with the old
 * password (R17). The caller re-seals the current session with the returned version.
 */
export async function changePassword(
  user: PublicUser,
  currentPassword: string,
  newPassword: string,
  context: RequestContext,
): Promise<ChangePasswordResult> {
  const purpose = { event: "password_changed", label: "password change" } as const;
  const current = await checkCurrentPassword(user, currentPassword, purpose, context);
  if (!current.ok && current.code === "throttled") return current;
  if (!current.ok) {
    return { ok: false, code: "invalid_input", fields: { currentPassword: "That is not your current password." } };
  }
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
  const next = await hashPassword(newPassword);
  const change = { id: user.id, expected: current.passwordHash, next, endSessions: true };
  // With the new hash: outstanding reset links die, and the owner is told (issue 12 §3).
  const sessionVersion = await transaction(await db(), async (trx) => {
    const version = await replacePasswordHash(trx, change);
    if (version === null) return null;
    await killEmailTokens(trx, user.id, "password_reset");
    await enqueueMail(trx, passwordChangedMail(user.email));
    return version;
  });
  if (sessionVersion === null) {
    await audit({ event: "password_changed", outcome: "failure", userId: user.id, detail: "conflict" }, context);
    return { ok: false, code: "conflict" };
  }
  await audit({ event: "password_changed", outcome: "success", userId: user.id }, context);
  return { ok: true, sessionVersion };
}
