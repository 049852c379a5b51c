import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { signInOptions } from "@/lib/passkeys/passkey-sign-in";
import { startNonce } from "@/lib/passkeys/sign-in-nonce";

/** Options for "Sign in with a passkey" (no email); the challenge is bound to this browser, 5 minutes. */
export const POST = apiRoute(async () => json(await signInOptions(await startNonce())));

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
