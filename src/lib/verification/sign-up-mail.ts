import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueMail } from "@/lib/mail/outbox";
import type { CreateUserResult, NewUser } from "@/lib/users/user-repository";
import { createUser } from "@/lib/users/user-repository";
import { mayMail } from "./mail-throttle";
import { sendVerificationLink } from "./send-verification";
import { signUpAttemptMail } from "./verification-mail";

/**
 * The account and, unless verification is off, its verification message: one transaction, so there is
 * never an account whose link was lost, nor a link to an account that was not created. A taken address
 * fails the insert (the unique index judges) and writes nothing.
 */
export async function createUserWithLink(input: NewUser, sendLink: boolean): Promise<CreateUserResult> {
  try {
    return await transaction(await db(), async (trx) => {
      const created = await createUser(trx, input);
      // PostgreSQL has aborted the transaction at the unique violation: roll it back rather than commit.
      if (!created.ok) throw new EmailTaken();
      if (sendLink) await sendVerificationLink(trx, created.user);
      return created;
    });
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

class EmailTaken extends Error {}

/**
 * `EMAIL_VERIFICATION=required`, taken address: the owner hears of the attempt by mail (at most a few per
 * address and hour, so sign-up cannot be used to flood a mailbox), and the caller answers as for a new one.
 */
export async function notifySignUpAttempt(email: string, context: RequestContext): Promise<void> {
  if (!(await mayMail(`sign-up-notice:${email}`, context))) return;
  await enqueueMail(await db(), signUpAttemptMail(email));
}
