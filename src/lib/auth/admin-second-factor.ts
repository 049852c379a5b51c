import { env } from "@/lib/config/env";
import type { ActiveSession } from "@/lib/session/check-session";
import { amrOf } from "@/lib/session/session-data";
import { type AdminFactorDecision, adminFactorDecision, adminRequiresSecondFactor } from "./second-factor-policy";

/**
 * For the admin area's guard (`requireAdmin`, issue 11) once it is on main: after the session and `isAdmin`
 * checks, this session's `amr` under `ADMIN_REQUIRE_SECOND_FACTOR`. A refusal renders `SecondFactorRequired`
 * (pages) or answers 403 `second_factor_required` (route handlers).
 */
export function adminSecondFactor(session: ActiveSession): AdminFactorDecision {
  const { ADMIN_REQUIRE_SECOND_FACTOR, NODE_ENV } = env();
  return adminFactorDecision(amrOf(session.data), adminRequiresSecondFactor(ADMIN_REQUIRE_SECOND_FACTOR, NODE_ENV));
}
