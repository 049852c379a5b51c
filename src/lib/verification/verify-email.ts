import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeEmailToken } from "@/lib/mail/email-tokens";
import { VERIFY_PURPOSE } from "./send-verification";

export type VerifyResult = { ok: true; userId: string } | { ok: false; code: "invalid_link" };

/**
 * Follows a verification link: the token is used up and the address marked verified in one transaction, and
 * only while the account still has the address the link was sent to. An unknown, used, expired or replaced
 * token is `invalid_link`, all alike.
 */
export async function verifyEmail(token: string, context: RequestContext, now = Date.now()): Promise<VerifyResult> {
  const userId = await transaction(await db(), async (trx) => {
    const consumed = await consumeEmailToken(trx, token, VERIFY_PURPOSE);
    if (!consumed || consumed.newEmail === null) return null;
    const updated = await trx
      .updateTable("users")
      .set((eb) => ({ emailVerifiedAt: eb.fn.coalesce("emailVerifiedAt", eb.val(now)) }))
      .where("id", "=", consumed.userId)
      .where("email", "=", consumed.newEmail)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n ? consumed.userId : null;
  });
  if (userId === null) return { ok: false, code: "invalid_link" };
  await audit({ event: "email_verified", outcome: "success", userId }, context);
  return { ok: true, userId };
}
