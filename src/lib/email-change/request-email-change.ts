import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { issueEmailToken } from "@/lib/mail/email-tokens";
import { enqueueMail } from "@/lib/mail/outbox";
import type { PublicUser } from "@/lib/users/user";
import { findUserByEmail } from "@/lib/users/user-repository";
import { mayMail } from "@/lib/verification/mail-throttle";
import { emailChangeConfirmMail, emailChangeNoticeMail, emailInUseMail } from "@/lib/verification/verification-mail";

export const CHANGE_PURPOSE = "email_change" as const;
/** A confirmation link works for an hour; a newer request replaces it (`issueEmailToken`). */
export const CHANGE_TTL_MS = 3_600_000;
export const CONFIRM_PATH = "/confirm-email";

export type EmailChangeRequest = { ok: true } | { ok: false; code: "same_email" };

/**
 * `POST /api/account/email` (issue 12 §4): a confirmation link to the new address and a notice to the old one,
 * in one transaction; nothing changes until the link is followed. An address already in use gets a "someone
 * tried to use your address" message instead of a link, and the caller the same answer; so does a request
 * over the throttle (`mail-throttle.ts`), which sends nothing.
 */
export async function requestEmailChange(
  user: PublicUser,
  newEmail: string,
  context: RequestContext,
): Promise<EmailChangeRequest> {
  if (newEmail === user.email) return { ok: false, code: "same_email" };
  if (!(await mayMail(`email-change:${user.id}`, context))) return { ok: true };
  await transaction(await db(), async (trx) => {
    if (await findUserByEmail(trx, newEmail)) {
      await enqueueMail(trx, emailInUseMail(newEmail));
    } else {
      const token = await issueEmailToken(trx, {
        userId: user.id,
        purpose: CHANGE_PURPOSE,
        newEmail,
        ttlMs: CHANGE_TTL_MS,
      });
      await enqueueMail(trx, emailChangeConfirmMail(newEmail, `${CONFIRM_PATH}?token=${token}`));
    }
    await enqueueMail(trx, emailChangeNoticeMail(user.email, newEmail));
  });
  await audit({ event: "email_change_requested", outcome: "success", userId: user.id }, context);
  return { ok: true };
}
