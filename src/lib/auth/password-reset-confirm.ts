import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { FieldErrors } from "@/lib/http/api-response";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeEmailToken, findLiveEmailToken, killEmailTokens } from "@/lib/mail/email-tokens";
import { enqueueMail } from "@/lib/mail/outbox";
import { clearAccount } from "@/lib/throttle/throttle-store";
import { hashPassword } from "./password-hash";
import { judgePassword } from "./password-judge";
import { passwordChangedMail } from "./password-reset-mail";

export type ResetConfirmResult =
  | { ok: true }
  /** Unknown, used, expired or replaced: ask for a new link. */
  | { ok: false; code: "invalid_token" }
  | { ok: false; code: "invalid_input"; fields: FieldErrors };

type Owner = { id: string; email: string; name: string | null };

/** The account a live reset token belongs to; null for a dead token or a disabled or removed account. */
export async function resetTokenOwner(database: Db, token: string): Promise<Owner | null> {
  const live = await findLiveEmailToken(database, token, "password_reset");
  if (!live) return null;
  const user = await database
    .selectFrom("users")
    .select(["id", "email", "name", "disabledAt"])
    .where("id", "=", live.userId)
    .executeTakeFirst();
  return user && user.disabledAt === null ? { id: user.id, email: user.email, name: user.name } : null;
}

/**
 * Sets a new password with a reset link (issue 12 §3). The policy is judged, and the hash made, before the
 * token is spent: a refused password leaves the link usable. Then one transaction spends the token (of two
 * racing confirms one wins), writes the hash, bumps `sessionVersion` (every session ends, R17), kills the
 * user's other reset links, clears the per-account throttle (R40: the owner is not kept waiting), marks the
 * address verified (the link proved it) and queues the "your password was changed" notice. No session is
 * started: the person signs in with the new password (R60).
 */
export async function confirmPasswordReset(
  database: Db,
  token: string,
  newPassword: string,
  context: RequestContext,
): Promise<ResetConfirmResult> {
  const owner = await resetTokenOwner(database, token);
  if (!owner) return { ok: false, code: "invalid_token" };
  const verdict = await judgePassword(newPassword, { email: owner.email, name: owner.name, appName: env().APP_NAME });
  if (!verdict.ok) {
    return {
      ok: false,
      code: "invalid_input",
      fields: { newPassword: [verdict.reason, ...verdict.suggestions].join(" ") },
    };
  }
  const passwordHash = await hashPassword(newPassword);
  const now = Date.now();
  const done = await transaction(database, async (trx) => {
    const spent = await consumeEmailToken(trx, token, "password_reset", now);
    if (!spent || spent.userId !== owner.id) return false;
    await trx
      .updateTable("users")
      .set((eb) => ({
        passwordHash,
        sessionVersion: eb("sessionVersion", "+", 1),
        keptSid: null,
        keptVersion: null,
        emailVerifiedAt: eb.fn.coalesce("emailVerifiedAt", eb.val(now)),
      }))
      .where("id", "=", owner.id)
      .execute();
    await killEmailTokens(trx, owner.id, "password_reset");
    await clearAccount(trx, owner.email);
    await enqueueMail(trx, passwordChangedMail(owner.email));
    return true;
  });
  if (!done) return { ok: false, code: "invalid_token" };
  await audit({ event: "password_reset", outcome: "success", userId: owner.id }, context);
  return { ok: true };
}
