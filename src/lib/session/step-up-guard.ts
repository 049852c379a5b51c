import { env } from "@/lib/config/env";
import { jsonError } from "@/lib/http/api-response";
import type { ActiveSession } from "./check-session";
import { type StepUp, stepUpState } from "./step-up";

/** This session's step-up state under the configured window (`SESSION_STEP_UP_WINDOW`). */
export function stepUpOf(session: ActiveSession, now = Date.now()): StepUp {
  return stepUpState(session.data, env().SESSION_STEP_UP_WINDOW, now);
}

/**
 * For route handlers that end sessions or change credentials (R61): null when the password was confirmed
 * recently enough, else the 403 `reauthentication_required` the client answers with a password prompt.
 * A cookie alone is never enough to lock the owner out.
 */
export function requireStepUp(session: ActiveSession, now = Date.now()): Response | null {
  if (stepUpOf(session, now).status === "fresh") return null;
  return jsonError(403, "reauthentication_required", "Confirm your password first (POST /api/sessions/confirm).");
}
