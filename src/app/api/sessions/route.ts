import { SignInSchema } from "@/lib/auth/auth-schemas";
import { INVALID_CREDENTIALS_MESSAGE, signIn } from "@/lib/auth/auth-service";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { readInput } from "@/lib/http/read-json";
import { getCurrentSession } from "@/lib/session/current-user";
import { startSession } from "@/lib/session/session";
import { signOutHandler } from "@/lib/session/sign-out-handler";
import { toPublicUser } from "@/lib/users/user";

/** Who is signed in. A read: it never extends or rewrites the session. */
export const GET = apiRoute(async () => {
  const current = await getCurrentSession();
  if (!current) return json({ user: null });
  return json({ user: current.user, expiresAt: current.expiresAt });
});

/** Sign in: `{email, password, next?}`, a fresh seal on success. */
export const POST = apiRoute(async (request) => {
  const input = await readInput(request, SignInSchema);
  if (!input.ok) return input.response;
  const result = await signIn(input.value);
  if (!result.ok) return jsonError(401, "invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  await startSession(result.user);
  return json({ ok: true, user: toPublicUser(result.user), redirectTo: safeRedirect(input.value.next) });
});

/** Sign out. */
export const DELETE = signOutHandler;

export const PUT = methodNotAllowed(["GET", "POST", "DELETE"]);
export const PATCH = PUT;
