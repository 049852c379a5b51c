import { cookies } from "next/headers";
import { RESET_COOKIE, RESET_PAGE } from "./reset-token-cookie";

/** The token the reset page and its form action work with; null when the link was not followed here. */
export async function resetTokenFromCookie(): Promise<string | null> {
  return (await cookies()).get(RESET_COOKIE)?.value ?? null;
}

/** After a reset: the link is spent, the cookie goes with it. */
export async function forgetResetToken(): Promise<void> {
  (await cookies()).set(RESET_COOKIE, "", { path: RESET_PAGE, maxAge: 0, httpOnly: true, sameSite: "lax" });
}
