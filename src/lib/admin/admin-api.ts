import { jsonError } from "@/lib/http/api-response";
import type { ActiveSession } from "@/lib/session/check-session";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";
import type { AdminRefusal } from "./admin-actions";
import { type AdminGuardRefusal, requireAdmin } from "./admin-guard";

export type AdminApiGate = { ok: true; session: ActiveSession } | { ok: false; response: Response };

const forbidden = (): Response => jsonError(403, "forbidden", "This needs an admin account.");
const secondFactorRequired = (): Response =>
  jsonError(
    403,
    "second_factor_required",
    "The admin area needs a session signed in with a second factor: turn on two-step sign-in, then sign in again.",
  );

/** The 403 for a refusal of `requireAdmin` (issue 11 §4, issue 13 §3). */
export function adminGuardRefusal(refusal: AdminGuardRefusal): Response {
  return refusal.code === "forbidden" ? forbidden() : secondFactorRequired();
}

/**
 * The `/api/admin/*` answers in order: 401 signed out, 403 `forbidden` for a non-admin (whatever the id),
 * 403 `second_factor_required` for an admin signed in without one (`ADMIN_REQUIRE_SECOND_FACTOR`), then for
 * actions 403 `reauthentication_required` outside the step-up window (R61). The data functions check the
 * admin again themselves; this only decides which refusal the caller sees first.
 */
export async function requireAdminApi(options: { stepUp: boolean }): Promise<AdminApiGate> {
  const auth = await requireApiSession();
  if (!auth.ok) return auth;
  const admin = await requireAdmin(auth.session);
  if (!admin.ok) return { ok: false, response: adminGuardRefusal(admin) };
  const stepUp = options.stepUp ? requireStepUp(auth.session) : null;
  return stepUp ? { ok: false, response: stepUp } : { ok: true, session: auth.session };
}

/** The JSON answer for an admin action that was refused. */
export function adminRefusal(refusal: AdminRefusal): Response {
  switch (refusal.code) {
    case "forbidden":
    case "second_factor_required":
      return adminGuardRefusal({ ok: false, code: refusal.code });
    case "not_found":
      return jsonError(404, "not_found", "There is no user with this id.");
    case "last_admin":
      return jsonError(409, "last_admin", "This is the last active admin: the app always keeps one.");
  }
}
