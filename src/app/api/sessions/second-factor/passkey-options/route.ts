import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { passkeyOptions } from "@/lib/passkeys/passkey-sign-in";
import { readPending } from "@/lib/second-factor/pending-seal";

/** Options for a passkey as the second step: this user's passkeys, the challenge bound to the pending sign-in. */
export const POST = apiRoute(async () => {
  const pending = await readPending();
  if (!pending) return jsonError(401, "second_factor_expired", "Sign in with your password again.");
  return json(await passkeyOptions("second-step", pending.pid, pending.uid));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
