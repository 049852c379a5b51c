import { redirect } from "next/navigation";
import { cache } from "react";
import type { PublicUser } from "@/lib/users/user";
import { loginUrl } from "./login-url";
import { type ActiveSession, resolveSession, type SessionCheck } from "./resolve-session";
import { readSessionPayload } from "./session";

/** The verified session of this request, checked once per render (React `cache`). */
export const checkSession = cache(async (): Promise<SessionCheck> => resolveSession(await readSessionPayload()));

export async function getCurrentUser(): Promise<PublicUser | null> {
  const check = await checkSession();
  return check.status === "active" ? check.user : null;
}

/** For pages and server actions: the verified session, or a redirect to the login page that says why. */
export async function requireSession(returnTo: string): Promise<ActiveSession> {
  const check = await checkSession();
  if (check.status !== "active") redirect(loginUrl(returnTo, check.reason));
  return check;
}

export async function requireUser(returnTo: string): Promise<PublicUser> {
  return (await requireSession(returnTo)).user;
}
