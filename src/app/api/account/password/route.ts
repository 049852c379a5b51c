import { ChangePasswordSchema } from "@/lib/auth/auth-schemas";
import { changePassword } from "@/lib/auth/change-password";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { requireApiSession } from "@/lib/session/for-routes";
import { keepThisSession } from "@/lib/session/keep-session";
import { requireStepUp } from "@/lib/session/step-up-guard";

/**
 * `{currentPassword, newPassword}`: changes the password and ends every other session (R17, R19), after a
 * recent password confirmation (R61). Of two concurrent changes one wins; the other is a 409.
 */
export const POST = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const input = await readInput(request, ChangePasswordSchema);
  if (!input.ok) return input.response;
  const { currentPassword, newPassword } = input.value;
  const result = await changePassword(auth.session.user, currentPassword, newPassword, await currentRequestContext());
  if (!result.ok && result.code === "throttled") {
    return tooManyRequests(result.retryAfterSeconds);
  }
  if (!result.ok && result.code === "conflict") {
    return jsonError(409, "conflict", "The password was changed by another request meanwhile; it was not changed.");
  }
  if (!result.ok) return jsonError(400, "invalid_input", "The password was not changed.", { fields: result.fields });
  await keepThisSession(auth.session, result.sessionVersion);
  return json({ ok: true, otherSessionsEnded: true });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
