import { unsealData } from "iron-session";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { isExpired, parseSessionData } from "@/lib/session/session-data";
import { sessionOptions } from "@/lib/session/session-options";

/**
 * The optimistic check (R53): cookie only, never the database. A request without a readable, unexpired
 * seal is sent to the login page before any rendering starts. Pages and routes still verify the session
 * themselves; this only spares them the work and the user a flash of a page they cannot see.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const options = sessionOptions();
  const seal = request.cookies.get(options.cookieName)?.value;
  const data = seal ? parseSessionData(await unsealData(seal, { password: options.password, ttl: options.ttl })) : null;
  if (data && !isExpired(data, { maxAgeMs: env().SESSION_MAX_AGE })) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/private/:path*", "/account/:path*", "/pages-router/private"],
};
