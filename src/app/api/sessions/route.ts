import { z } from "zod";
import { SignInSchema } from "@/lib/auth/auth-schemas";
import { INVALID_CREDENTIALS_MESSAGE, signIn } from "@/lib/auth/auth-service";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { json, jsonError, methodNotAllowed, tooManyRequests } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { startPending } from "@/lib/second-factor/pending-seal";
import { secondFactorMethods } from "@/lib/second-factor/second-factor-methods";
import { checkAppRouterSession } from "@/lib/session/app-router-check";
import { requireApiSession } from "@/lib/session/for-routes";
import { startSession } from "@/lib/session/sign-in";
import { endSession, signedOutResponse, signOutEverywhere } from "@/lib/session/sign-out";
import { requireStepUp } from "@/lib/session/step-up-guard";
import { toPublicUser } from "@/lib/users/user";

/**
 * Who is signed in, and until when. A read: it never extends or rewrites the session (the proxy skips it
 * too), so a page polling it cannot keep a session alive.
 */
export const GET = apiRoute(async () => {
  const serverNow = Date.now();
  const check = await checkAppRouterSession(serverNow);
  if (check.status !== "active") return json({ user: null, reason: check.reason, serverNow });
  const { user, idleExpiresAt, absoluteExpiresAt } = check;
  return json({ user, expiresAt: idleExpiresAt, idleExpiresAt, absoluteExpiresAt, serverNow });
});

/**
 * Sign in: `{email, password, next?}`, a fresh seal on success; for an account with a second factor, 200
 * `{secondFactor: "required", methods}` and a pending seal for `POST /api/sessions/second-factor`.
 */
export const POST = apiRoute(async (request) => {
  const input = await readInput(request, SignInSchema);
  if (!input.ok) return input.response;
  const result = await signIn(input.value, await currentRequestContext());
  if (!result.ok && result.code === "throttled") {
    return tooManyRequests(result.retryAfterSeconds);
  }
  if (!result.ok) return jsonError(401, "invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  if (result.secondFactor) {
    // Only a pending seal, in its own cookie: it grants nothing until the second step (issue 13).
    await startPending(result.user);
    return json({ secondFactor: "required", methods: await secondFactorMethods(result.user.id) });
  }
  await startSession(result.user);
  return json({ ok: true, user: toPublicUser(result.user), redirectTo: safeRedirect(input.value.next) });
});

const ScopeSchema = z.enum(["this", "all"]);

/**
 * Sign out this session (always 200), or with `?scope=all` every session of the user, this one included:
 * that needs an active session (401 with its reason otherwise, this browser signed out all the same) and a
 * recent password confirmation (403, R61).
 */
export const DELETE = apiRoute(async (request) => {
  const scope = ScopeSchema.safeParse(new URL(request.url).searchParams.get("scope") ?? "this");
  if (!scope.success) {
    return jsonError(400, "invalid_input", "scope is this or all.", { fields: { scope: "Use this or all." } });
  }
  if (scope.data === "this") {
    await endSession();
    return signedOutResponse();
  }
  const auth = await requireApiSession({ unverified: "allow" });
  if (!auth.ok) {
    await endSession();
    return auth.response;
  }
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  await signOutEverywhere(auth.session);
  return signedOutResponse();
});

export const PUT = methodNotAllowed(["GET", "POST", "DELETE"]);
export const PATCH = PUT;
