import type { SessionOptions, UnsealErrorReason } from "iron-session";
import { env } from "@/lib/config/env";
import { log } from "@/lib/log/logger";
import type { SessionData, SessionLimits } from "./session-data";
import { absoluteExpiry } from "./session-data";
import { sessionLimits } from "./session-limits";

export const DEV_COOKIE_NAME = "iron-gate-session";
/** `__Host-` pins the cookie to this host, `Path=/`, `Secure`, no `Domain` (R1, R5). */
export const PRODUCTION_COOKIE_NAME = "__Host-iron-gate-session";

// One counter per process, shared by every bundle Next.js builds (proxy, App Router, Pages Router).
const holder = globalThis as typeof globalThis & { __ironGateUnsealErrors?: Record<UnsealErrorReason, number> };
holder.__ironGateUnsealErrors ??= { expired: 0, invalid: 0, "unknown-password": 0 };
const unsealErrors = holder.__ironGateUnsealErrors;

/** How many cookies this process could not read, by reason (R24): a burst of `invalid` is someone probing. */
export function unsealErrorCounts(): Readonly<Record<UnsealErrorReason, number>> {
  return { ...unsealErrors };
}

/** Counts and logs a cookie iron-session could not read; never the value (R24, R45). */
export function onUnsealError(reason: UnsealErrorReason): void {
  unsealErrors[reason] += 1;
  log.warn("session_cookie_rejected", { reason, count: unsealErrors[reason] });
}

let cached: SessionOptions | undefined;

/** iron-session's options for reading, derived once from the validated environment. */
export function sessionOptions(): SessionOptions {
  if (cached) return cached;
  const { NODE_ENV, sessionSecrets, SESSION_MAX_AGE } = env();
  const production = NODE_ENV === "production";
  const ttl = Math.ceil(SESSION_MAX_AGE / 1000);
  cached = {
    cookieName: production ? PRODUCTION_COOKIE_NAME : DEV_COOKIE_NAME,
    password: sessionSecrets.passwords,
    // The seal's own expiry is only the outer bound; the session layer enforces the real limits (R21).
    ttl,
    cookieOptions: { httpOnly: true, sameSite: "lax", path: "/", secure: production, maxAge: ttl },
    onUnsealError,
  };
  return cached;
}

/**
 * Options for sealing `data` at `now`: the seal and the cookie both expire with the session's absolute
 * limit. The cookie deliberately outlives the idle window: the seal's `lastSeenAt` decides idleness, and a
 * browser that still sends the cookie past the idle limit lets the server answer `expired` (and record it
 * once) instead of "no session", which a page could not tell from a sign-out in another tab. Set by hand:
 * iron-session's default cookie `Max-Age` (ttl - 60 s) is wrong for short lifetimes.
 */
export function sealOptions(
  data: SessionData,
  now = Date.now(),
  limits: SessionLimits = sessionLimits(),
): SessionOptions {
  const base = sessionOptions();
  const seconds = Math.max(1, Math.ceil((absoluteExpiry(data, limits) - now) / 1000));
  return { ...base, ttl: seconds, cookieOptions: { ...base.cookieOptions, maxAge: seconds } };
}

export function sessionCookieName(): string {
  return sessionOptions().cookieName;
}
