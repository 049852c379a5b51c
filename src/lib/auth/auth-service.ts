import { audit } from "@/lib/audit/audit-log";
import { maskEmail } from "@/lib/audit/mask-email";
import { env } from "@/lib/config/env";
import { db, reader } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { FieldErrors } from "@/lib/http/api-response";
import type { RequestContext } from "@/lib/http/request-context";
import { hasSecondFactor } from "@/lib/second-factor/second-factor-store";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt, clearAccount } from "@/lib/throttle/throttle-store";
import type { UserRecord } from "@/lib/users/user";
import { findUserByEmail, findUserById, replacePasswordHash } from "@/lib/users/user-repository";
import { createUserWithLink, notifySignUpAttempt } from "@/lib/verification/sign-up-mail";
import { sendsVerification, signUpSignsIn, verificationMode } from "@/lib/verification/verification-gate";
import type { SignInInput, SignUpInput } from "./auth-schemas";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { judgePassword } from "./password-judge";
import { type Throttled, throttledAndAudited } from "./throttled";

export type SignUpResult =
  /** The account exists and the caller signs it in (`EMAIL_VERIFICATION` off or optional). */
  | { ok: true; kind: "signed-up"; user: UserRecord }
  /**
   * `EMAIL_VERIFICATION=required`: "check your email", whether the account was just created or the address
   * was taken (its owner was told by mail). Nobody is signed in, so there is no user to hand out.
   */
  | { ok: true; kind: "check-email" }
  | Throttled
  | { ok: false; code: "weak_password"; fields: FieldErrors; suggestions: string[] }
  | { ok: false; code: "email_taken"; fields: FieldErrors };

/**
 * `secondFactor: true`: the password was right, but the account has a second factor; the caller starts a
 * pending sign-in instead of a session (issue 13).
 */
export type SignInResult =
  | { ok: true; user: UserRecord; secondFactor: boolean }
  | { ok: false; code: "invalid_credentials" }
  | Throttled;

/**
 * Creates an account: policy, hash, then one insert that the unique index arbitrates (section C.2), with its
 * verification link in the same transaction. Under `EMAIL_VERIFICATION=required` a taken address is not
 * said: new and taken addresses cost the same policy check and hash, and answer the same (issue 12 §2).
 */
export async function signUp(
  input: Pick<SignUpInput, "email" | "password" | "name">,
  context: RequestContext,
): Promise<SignUpResult> {
  const admitted = await admitAttempt(await db(), { ip: context.ip }, throttlePolicy());
  if (!admitted.ok) return throttledAndAudited(admitted, "sign-up", context);
  const verdict = await judgePassword(input.password, {
    email: input.email,
    name: input.name,
    appName: env().APP_NAME,
  });
  if (!verdict.ok) {
    const message = [verdict.reason, ...verdict.suggestions].join(" ");
    return { ok: false, code: "weak_password", fields: { password: message }, suggestions: verdict.suggestions };
  }
  const passwordHash = await hashPassword(input.password);
  const mode = verificationMode();
  const newUser = { email: input.email, name: input.name, passwordHash };
  const created = await createUserWithLink(newUser, sendsVerification(mode));
  if (!created.ok && !signUpSignsIn(mode)) {
    await notifySignUpAttempt(input.email, context);
    return { ok: true, kind: "check-email" };
  }
  if (!created.ok) {
    return { ok: false, code: "email_taken", fields: { email: "An account with this email already exists." } };
  }
  await audit({ event: "sign_up", outcome: "success", userId: created.user.id }, context);
  return signUpSignsIn(mode) ? { ok: true, kind: "signed-up", user: created.user } : { ok: true, kind: "check-email" };
}

/**
 * Checks credentials. Unknown email and wrong password take the same path and cost exactly one hash
 * (R43, decision 6); a hash made with weaker parameters is upgraded on success (R36). The user returned, and
 * so the `sessionVersion` the new session is sealed with, is read after the password was verified, in the
 * transaction that clears the throttle: a "sign out everywhere" that landed while the hash ran cannot make
 * the new session stale on arrival.
 */
export async function signIn(
  input: Pick<SignInInput, "email" | "password">,
  context: RequestContext,
): Promise<SignInResult> {
  const database = await db();
  const admitted = await admitAttempt(database, { ip: context.ip, account: input.email }, throttlePolicy());
  if (!admitted.ok) return throttledAndAudited(admitted, "sign-in", context);
  const user = await findUserByEmail(await reader(), input.email);
  // A disabled account pays for the same hash, then is refused like a wrong password (issue 11): same status,
  // body and work, and no rehash (that would be a second hash only it costs).
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const accepted = user !== null && matches && !user.disabled;
  const upgrade = accepted && needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const verified = accepted ? await afterVerified(user, input.email, upgrade) : null;
  const current = verified?.user;
  if (!verified || !current) {
    const detail = !user ? `unknown account ${maskEmail(input.email)}` : user.disabled ? "disabled" : "wrong password";
    await audit({ event: "sign_in_failed", outcome: "failure", userId: user?.id ?? null, detail }, context);
    return { ok: false, code: "invalid_credentials" };
  }
  if (verified.secondFactor) {
    await audit({ event: "second_factor_required", outcome: "success", userId: current.id }, context);
    return { ok: true, user: current, secondFactor: true };
  }
  await audit({ event: "sign_in", outcome: "success", userId: current.id }, context);
  return { ok: true, user: current, secondFactor: false };
}

/**
 * One transaction once the password matched: forget the account's failures, upgrade the hash, and read the
 * user as it is now. Null when the password was changed, the user removed or disabled while the hash ran: the
 * password that matched no longer opens the account. An account with a second factor keeps its failures
 * until the second step succeeds: the right password must not wipe the count of wrong codes (issue 13).
 * The sign-in time is recorded with the session's device row (`device-sign-in.ts`), once a session starts.
 */
async function afterVerified(
  user: UserRecord,
  email: string,
  upgrade: string | null,
): Promise<{ user: UserRecord | null; secondFactor: boolean }> {
  return transaction(await db(), async (trx) => {
    const secondFactor = await hasSecondFactor(trx, user.id);
    if (!secondFactor) await clearAccount(trx, email);
    if (upgrade) {
      await replacePasswordHash(trx, { id: user.id, expected: user.passwordHash, next: upgrade, endSessions: false });
    }
    const now = await findUserById(trx, user.id);
    const same = now && (now.passwordHash === user.passwordHash || now.passwordHash === upgrade);
    const current = now && same && !now.disabled ? now : null;
    return { user: current, secondFactor };
  });
}

export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account.";
