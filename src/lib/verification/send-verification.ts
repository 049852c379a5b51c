import type { Db } from "@/lib/db/database";
import type { Trx } from "@/lib/db/transaction";
import { issueEmailToken } from "@/lib/mail/email-tokens";
import { enqueueMail } from "@/lib/mail/outbox";
import { verificationMail } from "./verification-mail";

export const VERIFY_PURPOSE = "verify_email" as const;
/** A verification link works for a day; a newer one replaces it (`issueEmailToken`). */
export const VERIFY_TTL_MS = 24 * 3_600_000;
/** The page the link opens: a route handler that verifies, then redirects (the token leaves the URL). */
export const VERIFY_PATH = "/verify-email";

/**
 * Writes a verification link for `user`'s current address into the outbox, in the caller's transaction. The
 * token remembers the address it was sent to: after an email change it verifies nothing.
 */
export async function sendVerificationLink(trx: Db | Trx, user: { id: string; email: string }): Promise<void> {
  const token = await issueEmailToken(trx, {
    userId: user.id,
    purpose: VERIFY_PURPOSE,
    newEmail: user.email,
    ttlMs: VERIFY_TTL_MS,
  });
  await enqueueMail(trx, verificationMail(user.email, `${VERIFY_PATH}?token=${token}`));
}
