import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/errors";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeEmailToken } from "@/lib/mail/email-tokens";
import { CHANGE_PURPOSE } from "./request-email-change";

export type EmailChangeConfirmation =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; code: "invalid_link" | "email_taken" };

/**
 * Follows an email-change link: in one transaction the token is used up, the address becomes the new one
 * (verified: the link reached it), `sessionVersion` is bumped so every session ends (the caller keeps the
 * browser's own, if it is this user's), and the user's other outstanding links die (a reset link sent to the
 * old address must not outlive it). Whether the address is still free is judged by the unique index at
 * that moment, on both engines: of two accounts confirming the same address, one wins and the other is
 * `email_taken` (its token is then used up all the same).
 */
export async function confirmEmailChange(
  token: string,
  context: RequestContext,
  now = Date.now(),
): Promise<EmailChangeConfirmation> {
  try {
    const changed = await transaction(await db(), async (trx) => {
      const consumed = await consumeEmailToken(trx, token, CHANGE_PURPOSE);
      if (!consumed || consumed.newEmail === null) return null;
      const row = await trx
        .updateTable("users")
        .set((eb) => ({
          email: consumed.newEmail ?? "",
          emailVerifiedAt: now,
          sessionVersion: eb("sessionVersion", "+", 1),
        }))
        .where("id", "=", consumed.userId)
        .returning("sessionVersion")
        .executeTakeFirst();
      if (!row) return null;
      await trx.deleteFrom("emailTokens").where("userId", "=", consumed.userId).where("usedAt", "is", null).execute();
      return { userId: consumed.userId, sessionVersion: row.sessionVersion };
    });
    if (!changed) return { ok: false, code: "invalid_link" };
    await audit({ event: "email_changed", outcome: "success", userId: changed.userId }, context);
    return { ok: true, ...changed };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await transaction(await db(), (trx) => consumeEmailToken(trx, token, CHANGE_PURPOSE));
    return { ok: false, code: "email_taken" };
  }
}
