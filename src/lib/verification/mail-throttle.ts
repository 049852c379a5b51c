import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import { type ThrottlePolicy, throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt } from "@/lib/throttle/throttle-store";

/**
 * How often one account (or one address) may make the app send it a message it asked for: three at once,
 * then a wait of a minute doubling up to an hour. Keys never look like an email, so they cannot collide
 * with the sign-in throttle's `account:<email>` rows.
 */
export function mailPolicy(): ThrottlePolicy {
  return { ...throttlePolicy(), accountFreeFailures: 3, accountBaseDelayMs: 60_000, accountMaxDelayMs: 3_600_000 };
}

export type MailKey = `resend:${string}` | `email-change:${string}` | `sign-up-notice:${string}`;

/** True when another message may go out for `key` now; the caller answers the same either way. */
export async function mayMail(key: MailKey, context: RequestContext): Promise<boolean> {
  const verdict = await admitAttempt(await db(), { ip: context.ip, account: key }, mailPolicy());
  return verdict.ok;
}
