import { DeleteAccountSchema, UpdateAccountSchema } from "@/lib/account/account-schemas";
import { deleteAccount } from "@/lib/account/delete-account";
import { renameAccount } from "@/lib/account/rename-account";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { requireApiSession } from "@/lib/session/for-routes";
import { clearSessionCookie, signedOutResponse } from "@/lib/session/sign-out";
import { requireStepUp } from "@/lib/session/step-up-guard";

const GONE = "This account no longer exists.";

/** `{name}`: sets the display name (empty or null clears it) and answers with the user as it now is. */
export const PATCH = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const input = await readInput(request, UpdateAccountSchema);
  if (!input.ok) return input.response;
  const result = await renameAccount(auth.session.user, input.value.name, await currentRequestContext());
  if (!result.ok) return jsonError(401, "unauthorized", GONE, { reason: "removed" });
  return json({ user: result.user });
});

/**
 * `{password}`: deletes the signed-in user's account after a recent password confirmation (R61) and with
 * the current password (R19): every session ends with it (R16) and this cookie is cleared. The app's last
 * admin is refused (409 `last_admin`).
 */
export const DELETE = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const input = await readInput(request, DeleteAccountSchema);
  if (!input.ok) return input.response;
  const result = await deleteAccount(auth.session.user, input.value.password, await currentRequestContext());
  if (!result.ok && result.code === "throttled") return tooManyRequests(result.retryAfterSeconds);
  if (!result.ok && result.code === "wrong_password") {
    const fields = { password: "That is not your password." };
    return jsonError(400, "invalid_input", "The account was not deleted.", { fields });
  }
  if (!result.ok && result.code === "last_admin") {
    return jsonError(409, "last_admin", "You are the only admin: make someone else an admin first.");
  }
  await clearSessionCookie();
  if (!result.ok) return jsonError(401, "unauthorized", GONE, { reason: "removed" });
  return signedOutResponse();
});

export const GET = methodNotAllowed(["PATCH", "DELETE"]);
export const POST = GET;
export const PUT = GET;
