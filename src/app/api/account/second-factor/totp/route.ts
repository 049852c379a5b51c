import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { beginTotp } from "@/lib/second-factor/enrolment";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

/**
 * Starts an authenticator-app enrolment (step-up, R61): a new secret, as text, `otpauth://` URI and SVG QR
 * code. Nothing changes at sign-in until `POST .../totp/confirm` proves the app has it.
 */
export const POST = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const result = await beginTotp(auth.session.user);
  if (!result.ok) return jsonError(409, "conflict", "Two-step sign-in is on already; turn it off first.");
  return json(result.setup);
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
