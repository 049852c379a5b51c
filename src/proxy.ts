import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { moveResetTokenToCookie } from "@/lib/auth/reset-token-cookie";
import { env } from "@/lib/config/env";
import { crossOriginResponse } from "@/lib/http/api-response";
import { refuseMalformedAction } from "@/lib/http/malformed-action";
import { checkOrigin } from "@/lib/http/origin-check";
import { REQUEST_ID_HEADER } from "@/lib/http/request-context";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";
import { log } from "@/lib/log/logger";
import { proxySession } from "@/lib/session/for-proxy";
import { loginUrl } from "@/lib/session/login-url";

/** Pages that need a session: the proxy sends visitors without a usable cookie to the login page early. */
const PROTECTED = ["/private", "/account", "/admin", "/pages-router/private"];

function isProtected(pathname: string): boolean {
  return PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * The first stop of every request. It never touches the database and never decides who is signed in
 * (R53): it stamps a request id and the page's CSP nonce, refuses cross-origin form posts and server
 * actions (JSON routes check Origin themselves, with an audit record), slides the idle window on activity,
 * and sends a protected page without a usable seal to the login page early, with the reason.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { APP_ORIGIN, TRUSTED_ORIGINS, NODE_ENV } = env();
  const { pathname, search } = request.nextUrl;
  const requestId = randomUUID();
  // Next.js's own trailing-slash redirect drops every configured header, so it is off (next.config.ts) and
  // done here, where the answer gets what pages get.
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const target = new URL(`${pathname.replace(/\/+$/, "") || "/"}${search}`, request.url);
    return stamped(NextResponse.redirect(target, 308), API_CONTENT_SECURITY_POLICY, requestId);
  }
  // The emailed reset link: its token moves into a cookie, out of the address bar (reset-token-cookie.ts).
  const resetLink = moveResetTokenToCookie(request.url, request.method);
  if (resetLink) return stamped(resetLink, API_CONTENT_SECURITY_POLICY, requestId);
  const isPage = !pathname.startsWith("/api/");
  if (isPage) {
    const verdict = checkOrigin(request, { appOrigin: APP_ORIGIN, trustedOrigins: TRUSTED_ORIGINS });
    if (!verdict.ok) {
      log.warn("csrf_rejected", { path: pathname, reason: verdict.reason, requestId });
      return stamped(crossOriginResponse(), API_CONTENT_SECURITY_POLICY, requestId);
    }
    if (request.method === "POST") {
      const malformed = await refuseMalformedAction(request);
      if (malformed) return malformed;
    }
  }
  // Headers the app trusts are set here, overwriting whatever the client sent (R55).
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  let csp = API_CONTENT_SECURITY_POLICY;
  if (isPage) {
    const nonce = newNonce();
    csp = contentSecurityPolicy(nonce, NODE_ENV === "development");
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);

  const state = await proxySession(request, response);
  if (state?.status === "active" || !isProtected(pathname)) return response;
  const reason = state === null ? "none" : state.reason === "idle" ? "expired" : "ended";
  const redirect = NextResponse.redirect(new URL(loginUrl(`${pathname}${search}`, reason), request.url));
  return stamped(redirect, csp, requestId);
}

/** The proxy's own answers carry what pages carry (next.config.ts adds the static headers to all). */
function stamped(response: Response, csp: string, requestId: string): Response {
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // The same prefixes as UNPROXIED_SOURCE (security-headers.ts), which gives those paths their CSP. Also
  // skipped (issue 14): the JSON routes where the proxy has nothing to do, since they never count as
  // activity (`countsAsActivity`) and are no pages. Their request id and fixed policy come from
  // default-headers.ts; with a trailing slash they still come here, for the redirect.
  matcher: ["/((?!(?:api/(?:sessions|health|logout|users)$)|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
