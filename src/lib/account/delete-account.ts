import { audit } from "@/lib/audit/audit-log";
import { maskEmail } from "@/lib/audit/mask-email";
import { checkCurrentPassword } from "@/lib/auth/current-password";
import type { Throttled } from "@/lib/auth/throttled";
import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import type { PublicUser } from "@/lib/users/user";
import { deleteUser } from "@/lib/users/user-admin";

/** `not_found`: the account was deleted meanwhile (another tab, an admin). */
export type RemoveAccountResult = { ok: true } | { ok: false; code: "last_admin" | "not_found" };

export type DeleteAccountResult = RemoveAccountResult | { ok: false; code: "wrong_password" } | Throttled;

/**
 * Deletes the signed-in user's own account once its password was checked (by `deleteAccount`, or by the
 * step-up confirmation that carries this action on): `deleteUser` removes the user and its rows in one
 * transaction and masks its audit rows; the app's last admin is kept. The event that says so names no user.
 */
export async function removeAccount(user: PublicUser, context: RequestContext): Promise<RemoveAccountResult> {
  const result = await deleteUser(await db(), user.id);
  if (!result.ok && result.reason === "last_admin") {
    await audit({ event: "account_deleted", outcome: "blocked", userId: user.id, detail: "last admin" }, context);
    return { ok: false, code: "last_admin" };
  }
  if (!result.ok) return { ok: false, code: "not_found" };
  const detail = `deleted account ${maskEmail(user.email)}`;
  await audit({ event: "account_deleted", outcome: "success", userId: null, detail }, context);
  return { ok: true };
}

/**
 * "Delete account": the current password first, checked like a sign-in and under the same throttles (R42),
 * then `removeAccount`. Every session of the user dies with the row (R16); the caller clears this cookie.
 */
export async function deleteAccount(
  user: PublicUser,
  password: string,
  context: RequestContext,
): Promise<DeleteAccountResult> {
  const purpose = { event: "account_deleted", label: "account deletion" } as const;
  const check = await checkCurrentPassword(user, password, purpose, context);
  if (!check.ok) return check;
  return removeAccount(user, context);
}
