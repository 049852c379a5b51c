import { audit } from "@/lib/audit/audit-log";
import { maskEmail } from "@/lib/audit/mask-email";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { issueEmailToken } from "@/lib/mail/email-tokens";
import { enqueueMail } from "@/lib/mail/outbox";
import { admitMail, mailBudget } from "@/lib/throttle/mail-throttle";
import { resetLinkMail } from "./password-reset-mail";

/** Runs `work` after the answer is sent (Next.js `after`; a test collects it). */
export type Defer = (work: () => Promise<void>) => void;

/**
 * `POST /api/password-reset` and the forgot-password form (issue 12 §3). What happens before the answer is
 * the same for every well-formed address, known or not: one throttle transaction keyed by the client and
 * the address as typed (a unit test counts the queries). Whether an account has the address is looked up
 * only after the answer has gone, so neither the answer nor its timing can tell. Throttled requests get
 * the same answer and send nothing.
 */
export async function requestPasswordReset(
  database: Db,
  email: string,
  context: RequestContext,
  defer: Defer,
): Promise<void> {
  const admitted = await admitMail(database, { kind: "reset", ip: context.ip, email }, mailBudget());
  defer(() => (admitted ? sendResetLink(database, email, context) : noteThrottled(email, context)));
}

/** After the answer: a link for an account that exists and is not disabled; for any other, only an audit line. */
export async function sendResetLink(database: Db, email: string, context: RequestContext): Promise<void> {
  const ttlMs = env().PASSWORD_RESET_TTL;
  const userId = await transaction(database, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "disabledAt"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (!user || user.disabledAt !== null) return null;
    const token = await issueEmailToken(trx, { userId: user.id, purpose: "password_reset", ttlMs });
    await enqueueMail(trx, resetLinkMail(email, token, ttlMs));
    return user.id;
  });
  const detail = userId ? "link sent" : `no account ${maskEmail(email)}`;
  await audit({ event: "password_reset_requested", outcome: userId ? "success" : "failure", userId, detail }, context);
}

async function noteThrottled(email: string, context: RequestContext): Promise<void> {
  const detail = `password reset for ${maskEmail(email)}, per client or email`;
  await audit({ event: "throttled", outcome: "blocked", detail }, context);
}
