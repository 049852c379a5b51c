import { SignUpSchema } from "@/lib/auth/auth-schemas";
import { signUp } from "@/lib/auth/auth-service";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { startSession } from "@/lib/session/sign-in";
import { toPublicUser } from "@/lib/users/user";

/**
 * Sign up: `{email, password, name?, next?}`; the new user is signed in (201). Under
 * `EMAIL_VERIFICATION=required` nobody is: 202 `{ok: true, checkEmail: true}` for a new and a taken address
 * alike, no cookie either way (issue 12 §2).
 */
export const POST = apiRoute(async (request) => {
  const input = await readInput(request, SignUpSchema);
  if (!input.ok) return input.response;
  const result = await signUp(input.value, await currentRequestContext());
  if (!result.ok && result.code === "throttled") {
    return tooManyRequests(result.retryAfterSeconds);
  }
  if (!result.ok && result.code === "email_taken") {
    return jsonError(409, "email_taken", "An account with this email already exists.", { fields: result.fields });
  }
  if (!result.ok) {
    return jsonError(400, "invalid_input", "Choose a stronger password.", { fields: result.fields });
  }
  if (result.kind === "check-email") return json({ ok: true, checkEmail: true }, { status: 202 });
  await startSession(result.user);
  return json({ user: toPublicUser(result.user), redirectTo: safeRedirect(input.value.next) }, { status: 201 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
