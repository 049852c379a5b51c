import type { SessionOptions } from "iron-session";
import { env } from "@/lib/config/env";
import { log } from "@/lib/log/logger";

export const DEV_COOKIE_NAME = "iron-gate-session";
/** `__Host-` pins the cookie to this host, `Path=/`, `Secure`, no `Domain` (R1, R5). */
export const PRODUCTION_COOKIE_NAME = "__Host-iron-gate-session";

let cached: SessionOptions | undefined;

/** iron-session's options, derived once from the validated environment. */
export function sessionOptions(): SessionOptions {
  if (cached) return cached;
  const { NODE_ENV, SESSION_SECRET, SESSION_MAX_AGE } = env();
  const production = NODE_ENV === "production";
  const ttlSeconds = Math.ceil(SESSION_MAX_AGE / 1000);
  cached = {
    cookieName: production ? PRODUCTION_COOKIE_NAME : DEV_COOKIE_NAME,
    password: SESSION_SECRET,
    // The seal's own expiry is only the outer bound; the session layer enforces the real limits (R21).
    ttl: ttlSeconds,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: production,
      // Set explicitly: iron-session's default (ttl - 60 s) is wrong for short lifetimes.
      maxAge: ttlSeconds,
    },
    onUnsealError: (reason) => log.warn("session_cookie_rejected", { reason }),
  };
  return cached;
}

export function sessionCookieName(): string {
  return sessionOptions().cookieName;
}
