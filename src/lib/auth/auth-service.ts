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
import { createUser, findUserByEmail, findUserById, replacePasswordHash } from "@/lib/users/user-repository";
import type { SignInInput, SignUpInput } from "./auth-schemas";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { judgePassword } from "./password-judge";
import { type Throttled, throttledAndAudited } from "./throttled";

export type SignUpResult =
  | { ok: true; user: UserRecord }
  | Throttled
  | { ok: false; code: "weak_password"; fields: FieldErrors; suggestions: string[] }
  | { ok: false; code: "email_taken"; fields: FieldErrors };

export type SignInResult = { ok: true; user: UserRecord } | { ok: false; code: "invalid_credentials" } | Throttled;

/** Creates an account: policy, hash, then one insert that the unique index arbitrates (section C.2). */
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
  const created = await createUser(await db(), { email: input.email, name: input.name, passwordHash });
  if (!created.ok) {
    return { ok: false, code: "email_taken", fields: { email: "An account with this email already exists." } };
  }
  await audit({ event: "sign_up", outcome: "success", userId: created.user.id }, context);
  return created;
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
