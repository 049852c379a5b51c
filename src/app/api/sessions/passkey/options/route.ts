import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { passkeyOptions } from "@/lib/passkeys/passkey-sign-in";
import { startNonce } from "@/lib/passkeys/sign-in-nonce";

/** Options for "Log in with a passkey" (no email); the challenge is bound to this browser, 5 minutes. */
export const POST = apiRoute(async () => json(await passkeyOptions("sign-in", await startNonce())));

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
