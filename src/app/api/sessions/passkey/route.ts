import { safeRedirect } from "@/lib/auth/safe-redirect";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { asAuthentication, PasskeySignInSchema } from "@/lib/passkeys/passkey-schemas";
import { signInWithPasskey } from "@/lib/passkeys/passkey-sign-in";
import { clearNonce, readNonce } from "@/lib/passkeys/sign-in-nonce";
import { startSession } from "@/lib/session/sign-in";
import { toPublicUser } from "@/lib/users/user";

/** `{response}`: signs in with a passkey; a fresh seal with `amr: ["hwk"]`. */
export const POST = apiRoute(async (request) => {
  const nonce = await readNonce();
  if (!nonce) return jsonError(401, "invalid_credentials", "Start the passkey sign-in again.");
  const input = await readInput(request, PasskeySignInSchema);
  if (!input.ok) return input.response;
  const result = await signInWithPasskey(nonce, asAuthentication(input.value.response), await currentRequestContext());
  if (!result.ok && result.code === "throttled") return tooManyRequests(result.retryAfterSeconds);
  if (!result.ok) return jsonError(401, "invalid_credentials", "That passkey could not sign you in.");
  await clearNonce();
  await startSession(result.user, ["hwk"]);
  return json({ ok: true, user: toPublicUser(result.user), redirectTo: safeRedirect(input.value.next) });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
