import { audit } from "@/lib/audit/audit-log";
import { checkCurrentPassword } from "@/lib/auth/current-password";
import type { Throttled } from "@/lib/auth/throttled";
import { env } from "@/lib/config/env";
import type { RequestContext } from "@/lib/http/request-context";
import { saveSession } from "./app-cookies";
import type { ActiveSession } from "./check-session";
import { touch } from "./session-data";
import { confirmedAt } from "./step-up";

/** On success, `session` is this session as now sealed: re-seal from it, or the confirmation is lost. */
export type ConfirmResult =
  | { ok: true; confirmedUntil: number; session: ActiveSession }
  | { ok: false; code: "wrong_password" }
  | Throttled;

/**
 * Step-up (R61): the password checked like a sign-in (same throttles, a wrong one counts toward the
 * account's backoff), then the confirmation time sealed into this session's cookie.
 */
export async function confirmPassword(
  session: ActiveSession,
  password: string,
  context: RequestContext,
): Promise<ConfirmResult> {
  const purpose = { event: "password_confirmed", label: "step-up" } as const;
  const check = await checkCurrentPassword(session.user, password, purpose, context);
  if (!check.ok) return check;
  const now = Date.now();
  const data = touch(confirmedAt(session.data, now), now);
  await saveSession(data);
  await audit({ event: "password_confirmed", outcome: "success", userId: session.user.id }, context);
  return { ok: true, confirmedUntil: now + env().SESSION_STEP_UP_WINDOW, session: { ...session, data } };
}
