import { NextResponse } from "next/server";
import { env } from "@/lib/config/env";

export const RESET_PAGE = "/reset-password";
/** Not `__Host-`: that prefix demands `Path=/`, and this cookie goes nowhere but the reset page. */
export const RESET_COOKIE = "iron-gate-reset";

/**
 * `GET /reset-password?token=…` (the emailed link): the proxy moves the token into a cookie only the reset
 * page receives and redirects to the bare page, so the token leaves the address bar and the history, also
 * without JavaScript, and no later request's Referer can carry it. This answer, the only one whose URL has
 * the token, says `Referrer-Policy: no-referrer`; the page itself `same-origin` (next.config.ts), because a
 * form posted from a `no-referrer` page sends `Origin: null`, which the CSRF checks rightly refuse.
 * The cookie is HttpOnly and lives as long as a link may; Lax, because the link is followed from a mail client.
 */
export function moveResetTokenToCookie(requestUrl: string, method: string): NextResponse | null {
  const url = new URL(requestUrl);
  if (url.pathname !== RESET_PAGE || method !== "GET") return null;
  const token = url.searchParams.get("token");
  if (token === null) return null;
  // Next.js makes a same-origin Location relative again: the browser stays on the origin it is on.
  const response = NextResponse.redirect(new URL(RESET_PAGE, url), 303);
  response.cookies.set(RESET_COOKIE, token.slice(0, 200), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: RESET_PAGE,
    maxAge: Math.ceil(env().PASSWORD_RESET_TTL / 1000),
  });
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  return response;
}
