import { adminSecondFactor } from "@/lib/auth/admin-second-factor";
import { reader } from "@/lib/db/database";
import type { ActiveSession } from "@/lib/session/check-session";

/** A session whose user is, as the database says right now, an admin who is not disabled. */
export interface AdminActor {
  id: string;
  session: ActiveSession;
}

/** `second_factor_required`: an admin whose session was signed in with a password alone (issue 13 §3). */
export type AdminGuardRefusal = { ok: false; code: "forbidden" | "second_factor_required" };
export type AdminCheck = { ok: true; admin: AdminActor } | AdminGuardRefusal;

/** Pure: whether this stored row may administer the app (an admin, not disabled). */
export function isActiveAdmin(row: { isAdmin: boolean | number; disabledAt: number | null } | undefined): boolean {
  return row !== undefined && Boolean(row.isAdmin) && row.disabledAt === null;
}

/**
 * The authorization of every admin page, route and action (issue 11 §4): the seal's `isAdmin` is not trusted
 * alone; the user's current `is_admin` and `disabled_at` are read here, for this check. Then, with
 * `ADMIN_REQUIRE_SECOND_FACTOR` on, the session's `amr` must show a second factor or a passkey (issue 13 §3):
 * `forbidden` comes first, so a non-admin never learns about the rule. Signed-out callers never get this far
 * (401 or the login redirect comes first).
 */
export async function requireAdmin(session: ActiveSession): Promise<AdminCheck> {
  const row = await (await reader())
    .selectFrom("users")
    .select(["isAdmin", "disabledAt"])
    .where("id", "=", session.user.id)
    .executeTakeFirst();
  if (!isActiveAdmin(row)) return { ok: false, code: "forbidden" };
  const factor = adminSecondFactor(session);
  if (!factor.ok) return { ok: false, code: factor.reason };
  return { ok: true, admin: { id: session.user.id, session } };
}
