import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { regenerateRecoveryCodes } from "@/lib/second-factor/enrolment";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

/** New recovery codes (step-up, R61), shown once; the old ones stop working. */
export const POST = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const result = await regenerateRecoveryCodes(auth.session.user, await currentRequestContext());
  if (!result.ok) return jsonError(409, "conflict", "Two-step sign-in is not on.");
  return json({ ok: true, recoveryCodes: result.recoveryCodes });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
