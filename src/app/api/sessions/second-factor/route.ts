import { safeRedirect } from "@/lib/auth/safe-redirect";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { clearPending, readPending } from "@/lib/second-factor/pending-seal";
import { SecondStepSchema } from "@/lib/second-factor/second-factor-schemas";
import { completeSecondStep } from "@/lib/second-factor/second-step";
import { startSession } from "@/lib/session/sign-in";
import { toPublicUser } from "@/lib/users/user";

/**
 * The second step of a password sign-in: `{code}`, `{recoveryCode}` or `{passkey}` with the pending seal `POST
 * /api/sessions` set. Completes the sign-in with a brand-new session id (R10) and `amr` in the seal.
 */
export const POST = apiRoute(async (request) => {
  const pending = await readPending();
  if (!pending) return jsonError(401, "second_factor_expired", "Sign in with your password again.");
  const input = await readInput(request, SecondStepSchema);
  if (!input.ok) return input.response;
  const result = await completeSecondStep(pending, input.value, await currentRequestContext());
  if (!result.ok && result.code === "throttled") return tooManyRequests(result.retryAfterSeconds);
  if (!result.ok && result.code === "expired") {
    await clearPending();
    return jsonError(401, "second_factor_expired", "Sign in with your password again.");
  }
  if (!result.ok) return jsonError(401, "invalid_code", "That code is not right, or was used already.");
  await clearPending();
  await startSession(result.user, result.amr);
  return json({ ok: true, user: toPublicUser(result.user), redirectTo: safeRedirect(input.value.next) });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
