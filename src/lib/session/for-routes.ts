import { jsonError } from "@/lib/http/api-response";
import { mustVerifyFirst, verificationMode } from "@/lib/verification/verification-gate";
import { checkAppRouterSession } from "./app-router-check";
import type { ActiveSession } from "./check-session";

export type ApiSession = { ok: true; session: ActiveSession } | { ok: false; response: Response };

/**
 * For App Router route handlers (pages use `for-pages.ts`): the verified session, or a 401 JSON answer (never an HTML redirect). With
 * `EMAIL_VERIFICATION=required` an unverified user gets 403 `email_unverified`, except where the caller
 * allows it (`unverified: "allow"`: resending the link, keeping the session alive, signing out).
 */
export async function requireApiSession(options: { unverified?: "allow" } = {}): Promise<ApiSession> {
  const check = await checkAppRouterSession();
  if (check.status !== "active") {
    return { ok: false, response: jsonError(401, "unauthorized", "Sign in first.", { reason: check.reason }) };
  }
  if (options.unverified !== "allow" && mustVerifyFirst(verificationMode(), check.emailVerified)) {
    const message =
      "Verify your email address first: follow the link we sent (POST /api/account/verification resends it).";
    return { ok: false, response: jsonError(403, "email_unverified", message) };
  }
  return { ok: true, session: check };
}
