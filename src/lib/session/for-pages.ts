import { redirect } from "next/navigation";
import { cache } from "react";
import { isUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log/logger";
import type { PublicUser } from "@/lib/users/user";
import { CHECK_EMAIL_PATH, mustVerifyFirst, verificationMode } from "@/lib/verification/verification-gate";
import { checkAppRouterSession } from "./app-router-check";
import type { ActiveSession, SessionCheck } from "./check-session";
import { loginUrl } from "./login-url";

/**
 * The verified session of this request, checked once per render (React `cache`). When the database cannot
 * answer, the page is treated as signed out: it fails closed (decision 8).
 */
export const checkPageSession = cache(async (): Promise<SessionCheck> => {
  try {
    return await checkAppRouterSession();
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    log.warn("session_check_unavailable", { error });
    return { status: "signed-out", reason: "none", data: null };
  }
});

export async function getCurrentUser(): Promise<PublicUser | null> {
  const check = await checkPageSession();
  return check.status === "active" ? check.user : null;
}

/**
 * For pages, server components and server actions (route handlers use `for-routes.ts`): the verified session,
 * or a redirect to the login page that says why. With `EMAIL_VERIFICATION=required` an unverified user is sent
 * to "check your email" instead, unless the caller is one of the few things such a user may do
 * (`unverified: "allow"`: that page, resending the link).
 */
export async function requireSession(returnTo: string, options: { unverified?: "allow" } = {}): Promise<ActiveSession> {
  const check = await checkPageSession();
  if (check.status !== "active") redirect(loginUrl(returnTo, check.reason));
  if (options.unverified !== "allow" && mustVerifyFirst(verificationMode(), check.emailVerified)) {
    redirect(CHECK_EMAIL_PATH);
  }
  return check;
}
