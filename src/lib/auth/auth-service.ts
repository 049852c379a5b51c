import { env } from "@/lib/config/env";
import { db } from "@/lib/db/database";
import type { FieldErrors } from "@/lib/http/api-response";
import type { UserRecord } from "@/lib/users/user";
import { createUser, findUserByEmail, updatePasswordHash } from "@/lib/users/user-repository";
import type { SignInInput, SignUpInput } from "./auth-schemas";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { checkPasswordStrength } from "./password-strength";

export type SignUpResult =
  | { ok: true; user: UserRecord }
  | { ok: false; code: "weak_password"; fields: FieldErrors; suggestions: string[] }
  | { ok: false; code: "email_taken"; fields: FieldErrors };

export type SignInResult = { ok: true; user: UserRecord } | { ok: false; code: "invalid_credentials" };

/** Creates an account: policy, hash, then one insert that the unique index arbitrates (section C.2). */
export async function signUp(input: Pick<SignUpInput, "email" | "password" | "name">): Promise<SignUpResult> {
  const verdict = checkPasswordStrength(input.password, {
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
  return created;
}

/**
 * Checks credentials. Unknown email and wrong password take the same path and cost exactly one hash
 * (R43, decision 6); a hash made with weaker parameters is upgraded on success (R36).
 */
export async function signIn(input: Pick<SignInInput, "email" | "password">): Promise<SignInResult> {
  const database = await db();
  const user = await findUserByEmail(database, input.email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) return { ok: false, code: "invalid_credentials" };
  if (needsRehash(user.passwordHash)) {
    await updatePasswordHash(database, user.id, await hashPassword(input.password));
  }
  return { ok: true, user };
}

export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account.";
