import { PasswordResetConfirmSchema } from "@/lib/auth/auth-schemas";
import { AFTER_RESET_PATH, RESET_LINK_DEAD_MESSAGE } from "@/lib/auth/password-reset-answers";
import { confirmPasswordReset } from "@/lib/auth/password-reset-confirm";
import { db } from "@/lib/db/database";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";

/**
 * `{token, newPassword}` → 200: the password is set, every session of the account has ended, and nobody is
 * signed in (R60): `redirectTo` is the login page. 400 `invalid_token` for a used, expired or replaced link,
 * 400 `invalid_input` for a password the policy refuses (the link stays usable).
 */
export const POST = apiRoute(async (request) => {
  const input = await readInput(request, PasswordResetConfirmSchema);
  if (!input.ok) return input.response;
  const { token, newPassword } = input.value;
  const result = await confirmPasswordReset(await db(), token, newPassword, await currentRequestContext());
  if (!result.ok && result.code === "invalid_token") return jsonError(400, "invalid_token", RESET_LINK_DEAD_MESSAGE);
  if (!result.ok) return jsonError(400, "invalid_input", "The password was not changed.", { fields: result.fields });
  return json({ ok: true, redirectTo: AFTER_RESET_PATH });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
