import type { AuthEventName } from "@/lib/audit/audit-event";
import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt, clearAccount } from "@/lib/throttle/throttle-store";
import type { PublicUser } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import { verifyPassword } from "./password-hash";
import { type Throttled, throttledAndAudited } from "./throttled";

/** `passwordHash` is the hash that matched: a later write can insist it is still the stored one. */
export type CurrentPasswordCheck =
  | { ok: true; passwordHash: string }
  | { ok: false; code: "wrong_password" }
  | Throttled;

/**
 * Checks a signed-in user's password, for a step-up confirmation or a password change: a credential check
 * like sign-in, under the same throttles (R42), so a copied cookie is no faster a way to guess. A wrong
 * password counts toward the account's backoff and is audited as a failed `event`.
 */
export async function checkCurrentPassword(
  user: PublicUser,
  password: string,
  purpose: { event: AuthEventName; label: string },
  context: RequestContext,
): Promise<CurrentPasswordCheck> {
  const database = await db();
  const admitted = await admitAttempt(database, { ip: context.ip, account: user.email }, throttlePolicy());
  if (!admitted.ok) {
    return throttledAndAudited(admitted, purpose.label, context, user.id);
  }
  const stored = await findUserById(database, user.id);
  if (!stored || !(await verifyPassword(password, stored.passwordHash))) {
    await audit({ event: purpose.event, outcome: "failure", userId: user.id, detail: "wrong password" }, context);
    return { ok: false, code: "wrong_password" };
  }
  await clearAccount(database, user.email);
  return { ok: true, passwordHash: stored.passwordHash };
}
