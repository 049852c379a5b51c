import type { AuthEventName } from "@/lib/audit/audit-event";
import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import type { ActiveSession } from "@/lib/session/check-session";
import { type AccountChange, deleteUser, setUserAdmin, setUserDisabled, signOutUser } from "@/lib/users/user-admin";
import { requireAdmin } from "./admin-guard";
import { type AdminUserView, findUserView } from "./admin-user-list";

/** One change per request, so that nothing is half done: a role, or whether the account is disabled. */
export type AdminPatch = { isAdmin: boolean } | { disabled: boolean };

export type AdminRefusal = { ok: false; code: "forbidden" | "second_factor_required" | "not_found" | "last_admin" };
export type AdminUpdate = { ok: true; user: AdminUserView } | AdminRefusal;
export type AdminDone = { ok: true } | AdminRefusal;

function eventOf(patch: AdminPatch): AuthEventName {
  if ("isAdmin" in patch) return patch.isAdmin ? "admin_granted" : "admin_revoked";
  return patch.disabled ? "user_disabled" : "user_enabled";
}

/**
 * Every admin action: the caller must be an active admin as the database says now (`requireAdmin`, not the
 * seal), then the change (the last-admin rule lives in user-admin.ts), then one audit row naming the acting
 * admin (`userId`) and the target (`detail`), refusals included (R45).
 */
async function asAdmin(
  session: ActiveSession,
  event: AuthEventName,
  targetId: string,
  context: RequestContext,
  change: () => Promise<AccountChange>,
): Promise<AdminDone> {
  const check = await requireAdmin(session);
  if (!check.ok) return check;
  const result = await change();
  const detail = result.ok ? `target ${targetId}` : `target ${targetId}: ${result.reason}`;
  await audit({ event, outcome: result.ok ? "success" : "failure", userId: check.admin.id, detail }, context);
  return result.ok ? result : { ok: false, code: result.reason };
}

/** Grants or revokes admin, or disables or enables the account (disabling ends its sessions at once). */
export async function updateUserAsAdmin(
  session: ActiveSession,
  targetId: string,
  patch: AdminPatch,
  context: RequestContext,
): Promise<AdminUpdate> {
  const result = await asAdmin(session, eventOf(patch), targetId, context, async () =>
    "isAdmin" in patch
      ? setUserAdmin(await db(), targetId, patch.isAdmin)
      : setUserDisabled(await db(), targetId, patch.disabled),
  );
  if (!result.ok) return result;
  const user = await findUserView(await db(), targetId);
  return user ? { ok: true, user } : { ok: false, code: "not_found" };
}

/** Ends every session of the target user; the account stays as it is. */
export async function signOutUserAsAdmin(
  session: ActiveSession,
  targetId: string,
  context: RequestContext,
): Promise<AdminDone> {
  return asAdmin(session, "user_signed_out", targetId, context, async () => signOutUser(await db(), targetId));
}

/** Deletes the target user and everything of theirs (user-admin.ts `deleteUser`); the last admin stays. */
export async function deleteUserAsAdmin(
  session: ActiveSession,
  targetId: string,
  context: RequestContext,
): Promise<AdminDone> {
  return asAdmin(session, "user_deleted", targetId, context, async () => deleteUser(await db(), targetId));
}
