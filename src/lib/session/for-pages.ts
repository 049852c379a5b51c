import { redirect } from "next/navigation";
import { cache } from "react";
import { isUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log/logger";
import type { PublicUser } from "@/lib/users/user";
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

/** For pages, server components and server actions (route handlers use `for-routes.ts`): the verified session, or a redirect to the login page that says why. */
export async function requireSession(returnTo: string): Promise<ActiveSession> {
  const check = await checkPageSession();
  if (check.status !== "active") redirect(loginUrl(returnTo, check.reason));
  return check;
}
