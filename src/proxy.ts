import { type NextRequest, NextResponse } from "next/server";
import { loginUrl } from "@/lib/session/login-url";
import { proxySession } from "@/lib/session/proxy-session";

/** Pages that need a session: the proxy sends visitors without a usable cookie to the login page early. */
const PROTECTED = ["/private", "/account", "/pages-router/private"];

function isProtected(pathname: string): boolean {
  return PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * The optimistic layer (R53): cookie only, never the database. It slides the idle window on activity and
 * redirects a protected page without a usable seal to the login page, with the reason. Every page, route
 * and action still verifies the session itself; this only spares them the work.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = NextResponse.next();
  const state = await proxySession(request, response);
  const { pathname, search } = request.nextUrl;
  if (state?.status === "active" || !isProtected(pathname)) return response;
  const reason = state === null ? "none" : state.reason === "idle" ? "expired" : "ended";
  return NextResponse.redirect(new URL(loginUrl(`${pathname}${search}`, reason), request.url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
