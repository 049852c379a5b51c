import { redirect } from "next/navigation";
import { cache } from "react";
import type { PublicUser } from "@/lib/users/user";
import { type CurrentSession, resolveSession } from "./resolve-session";
import { readSessionPayload } from "./session";

/** The verified session of this request, read once per render (React `cache`). */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  return resolveSession(await readSessionPayload());
});

export async function getCurrentUser(): Promise<PublicUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** For pages and server actions: the signed-in user, or a redirect to the login page that returns here. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}
