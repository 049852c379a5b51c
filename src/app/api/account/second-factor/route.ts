import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { disableSecondFactor, secondFactorStatus } from "@/lib/second-factor/enrolment";
import { requireApiSession } from "@/lib/session/for-routes";
import { amrOf } from "@/lib/session/session-data";
import { requireStepUp } from "@/lib/session/step-up-guard";

/** Whether two-step sign-in is on, how many recovery codes are left, and how this session was signed in. */
export const GET = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const status = await secondFactorStatus(auth.session.user, false);
  const recoveryCodesLeft = status.totp === "on" ? status.recoveryCodesLeft : 0;
  return json({ totp: status.totp === "on", recoveryCodesLeft, amr: amrOf(auth.session.data) });
});

/** Turns two-step sign-in off (step-up, R61): the owner is told by email, the audit log records it. */
export const DELETE = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const removed = await disableSecondFactor(auth.session.user, await currentRequestContext());
  if (!removed) return jsonError(409, "conflict", "Two-step sign-in is not on.");
  return json({ ok: true });
});

export const POST = methodNotAllowed(["GET", "DELETE"]);
export const PUT = POST;
export const PATCH = POST;
