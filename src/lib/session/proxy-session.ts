import { getIronSession, nextProxyCookies } from "iron-session";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { sealPasswordId } from "@/lib/config/session-secrets";
import {
  isDueForRefresh,
  parseSessionData,
  type SessionData,
  type SessionState,
  sessionState,
  touch,
} from "./session-data";
import { sessionLimits } from "./session-limits";
import { sealOptions, sessionOptions } from "./session-options";

/**
 * Requests that must not extend a session: status reads (polling them would keep a session alive forever),
 * sign-in and sign-out (they replace or end the session), and prefetches (no person asked for them).
 */
export function countsAsActivity(request: NextRequest): boolean {
  const { method } = request;
  const path = request.nextUrl.pathname;
  if (path === "/api/sessions" || path === "/api/logout" || path === "/api/users") return false;
  if (method === "HEAD" || method === "OPTIONS") return false;
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
  const options = sessionOptions();
  const seal = request.cookies.get(options.cookieName)?.value;
  if (!seal) return null;
  const session = await getIronSession<SessionData>(nextProxyCookies(request, response), options);
  const { sid, uid, ver, authenticatedAt, lastSeenAt } = session;
  const data = parseSessionData({ sid, uid, ver, authenticatedAt, lastSeenAt });
  if (!data) return null;
  const limits = sessionLimits();
  const state = sessionState(data, limits, now);
  if (state.status !== "active" || !countsAsActivity(request)) return state;
  const staleSecret = sealPasswordId(seal) !== env().sessionSecrets.currentId;
  if (!isDueForRefresh(data, limits, now) && !staleSecret) return state;
  const touched = touch(data, now);
  session.updateConfig(sealOptions(touched, now, limits));
  Object.assign(session, touched);
  await session.save();
  return sessionState(touched, limits, now);
}
