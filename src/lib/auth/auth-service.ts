import { audit } from "@/lib/audit/audit-log";
import { maskEmail } from "@/lib/audit/mask-email";
import { env } from "@/lib/config/env";
import { db, reader } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { FieldErrors } from "@/lib/http/api-response";
import type { RequestContext } from "@/lib/http/request-context";
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

export type SignInResult = { ok: true; user: UserRecord } | { ok: false; code: "invalid_credentials" } | Throttled;

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
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const upgrade = user && matches && needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const current = user && matches ? await afterVerified(user, input.email, upgrade) : null;
  if (!current) {
    const detail = user ? "wrong password" : `unknown account ${maskEmail(input.email)}`;
    await audit({ event: "sign_in_failed", outcome: "failure", userId: user?.id ?? null, detail }, context);
    return { ok: false, code: "invalid_credentials" };
  }
  await audit({ event: "sign_in", outcome: "success", userId: current.id }, context);
  return { ok: true, user: current };
}

/**
 * One transaction once the password matched: forget the account's failures, upgrade the hash, and read the
 * user as it is now. Null when the password was changed (or the user removed) while the hash ran: the
 * password that matched is no longer the account's.
 */
async function afterVerified(user: UserRecord, email: string, upgrade: string | null): Promise<UserRecord | null> {
  return transaction(await db(), async (trx) => {
    await clearAccount(trx, email);
    if (upgrade) {
      await replacePasswordHash(trx, { id: user.id, expected: user.passwordHash, next: upgrade, endSessions: false });
    }
    const now = await findUserById(trx, user.id);
    return now && (now.passwordHash === user.passwordHash || now.passwordHash === upgrade) ? now : null;
  });
}

export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account.";
