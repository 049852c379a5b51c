import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { findUserById } from "@/lib/users/user-repository";
import { mayMail } from "./mail-throttle";
import { sendVerificationLink } from "./send-verification";

/**
 * "Resend" on the banner: a new link (the old one dies) unless the address is verified already or the
 * account asked too often (`mail-throttle.ts`). The caller answers the same in every case.
 */
export async function resendVerification(userId: string, context: RequestContext): Promise<void> {
  if (!(await mayMail(`resend:${userId}`, context))) return;
  await transaction(await db(), async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.emailVerifiedAt !== null) return;
    await sendVerificationLink(trx, user);
  });
}
