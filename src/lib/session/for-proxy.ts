import { nextProxyCookies, sealData } from "iron-session";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { sealPasswordId } from "@/lib/config/session-secrets";
import { isDueForRefresh, parseSessionData, type SessionState, sessionState, touch } from "./session-data";
import { sessionLimits } from "./session-limits";
import { onUnsealError, sealOptions, sessionOptions } from "./session-options";
import { unsealCached } from "./unseal-cache";

/**
 * Requests that must not extend a session: status reads (polling them would keep a session alive forever),
 * sign-in and sign-out, JSON or server action (they replace or end the session, or re-seal it themselves),
 * and prefetches (no person asked for them).
 */
export function countsAsActivity(request: NextRequest): boolean {
  const { method } = request;
  const path = request.nextUrl.pathname;
  if (path === "/api/sessions" || path === "/api/logout" || path === "/api/users") return false;
  // DELETE ends sessions here (`/api/sessions`, the Pages Router's sign-out): nothing to slide.
  if (method === "HEAD" || method === "OPTIONS" || method === "DELETE") return false;
  // Server actions that change the session (sign-in, sign-out, revocation) write their own cookie.
  if (request.headers.has("next-action")) return false;
  const purpose = `${request.headers.get("sec-purpose") ?? ""} ${request.headers.get("purpose") ?? ""}`;
  return !request.headers.has("next-router-prefetch") && !purpose.includes("prefetch");
}

/**
 * The proxy's look at the session: cookie only, never the database (R53). When the request is activity and
 * the seal's `lastSeenAt` is older than the refresh interval (or it was sealed with an older secret), the
 * cookie is re-sealed with `lastSeenAt = now` through `nextProxyCookies`, so the idle window slides without
 * a write on every request. The route's own `Set-Cookie` comes later and wins, so a sign-out in the same
 * request is never undone; and a revoked session gains nothing, since the server-side check refuses it.
 * Returns null when there is no readable session.
 */
export async function proxySession(
  request: NextRequest,
  response: NextResponse,
  now = Date.now(),
): Promise<SessionState | null> {
  const { cookieName } = sessionOptions();
  const { passwords, currentId } = env().sessionSecrets;
  const seal = request.cookies.get(cookieName)?.value;
  if (!seal) return null;
  const data = parseSessionData(await unsealCached(seal, passwords, onUnsealError, now));
  if (!data) return null;
  const limits = sessionLimits();
  const state = sessionState(data, limits, now);
  if (state.status !== "active" || !countsAsActivity(request)) return state;
  const staleSecret = sealPasswordId(seal) !== currentId;
  if (!isDueForRefresh(data, limits, now) && !staleSecret) return state;
  const touched = touch(data, now);
  const { ttl, cookieOptions = {} } = sealOptions(touched, now, limits);
  const resealed = await sealData(touched, { password: passwords, ttl });
  nextProxyCookies(request, response).write(cookieName, resealed, cookieOptions);
  return sessionState(touched, limits, now);
}
