import { ConfirmPasswordSchema } from "@/lib/auth/auth-schemas";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { requireApiSession } from "@/lib/session/for-routes";
import { confirmPassword } from "@/lib/session/step-up-confirm";

/** `{password}`: a step-up confirmation (R61), throttled like sign-in; the time goes into this session's seal. */
export const POST = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const input = await readInput(request, ConfirmPasswordSchema);
  if (!input.ok) return input.response;
  const result = await confirmPassword(auth.session, input.value.password, await currentRequestContext());
  if (!result.ok && result.code === "throttled") return tooManyRequests(result.retryAfterSeconds);
  if (!result.ok) {
    return jsonError(400, "invalid_input", "The password was not confirmed.", {
      fields: { password: "That is not your password." },
    });
  }
  return json({ ok: true, confirmedUntil: result.confirmedUntil });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
