import { nextProxyCookies, sealData } from "iron-session";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { sealPasswordId } from "@/lib/config/session-secrets";
import { type Resealed, ResealMemo, resealReuseMs } from "./reseal-memo";
import {
  isDueForRefresh,
  parseSessionData,
  type SessionData,
  type SessionLimits,
  type SessionState,
  sessionState,
  touch,
} from "./session-data";
import { sessionLimits } from "./session-limits";
import { onUnsealError, sealOptions, sessionOptions } from "./session-options";
import { rememberOwnSeal, sealKey, unsealCached } from "./unseal-cache";

const holder = globalThis as typeof globalThis & { __ironGateResealMemo?: ResealMemo };
holder.__ironGateResealMemo ??= new ResealMemo();
const resealMemo = holder.__ironGateResealMemo;

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
 * The same old cookie again within `resealReuseMs` gets the same new seal (`reseal-memo.ts`). Returns null
 * when there is no readable session.
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
  const resealed = resealMemo.get(sealKey(seal), now) ?? (await reseal(seal, data, passwords, now, limits));
  const { cookieOptions = {} } = sealOptions(resealed.data, now, limits);
  nextProxyCookies(request, response).write(cookieName, resealed.seal, cookieOptions);
  return sessionState(resealed.data, limits, now);
}

/** A new seal of `data` seen active now, remembered for the same old cookie and for the page's own unseal. */
async function reseal(
  oldSeal: string,
  data: SessionData,
  passwords: Record<string, string>,
  now: number,
  limits: SessionLimits,
): Promise<Resealed> {
  const touched = touch(data, now);
  const { ttl } = sealOptions(touched, now, limits);
  const seal = await sealData(touched, { password: passwords, ttl });
  rememberOwnSeal(seal, touched);
  const resealed = { seal, data: touched };
  resealMemo.set(sealKey(oldSeal), resealed, now + resealReuseMs(limits));
  return resealed;
}
