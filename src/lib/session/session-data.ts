import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * What the sealed cookie holds: ids and timestamps only, never an email or a name (R6). Timestamps are
 * epoch milliseconds (iron-session 9 refuses `Date`). `ver` is the user's `sessionVersion` when sealed.
 */
export const SessionDataSchema = z.object({
  sid: z.string().min(16).max(64),
  uid: z.string().min(1).max(64),
  ver: z.number().int().nonnegative(),
  authenticatedAt: z.number().int().positive(),
  lastSeenAt: z.number().int().positive(),
});

export type SessionData = z.infer<typeof SessionDataSchema>;

/** Narrows whatever came out of the cookie; anything of another shape is no session (R27). */
export function parseSessionData(value: unknown): SessionData | null {
  const result = SessionDataSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** A brand-new session for a fresh sign-in: new random id, so a planted one never survives (R10). */
export function newSessionData(user: { id: string; sessionVersion: number }, now = Date.now()): SessionData {
  return {
    sid: randomBytes(18).toString("base64url"),
    uid: user.id,
    ver: user.sessionVersion,
    authenticatedAt: now,
    lastSeenAt: now,
  };
}

export interface SessionLimits {
  maxAgeMs: number;
}

/** When the session ends no matter what: its absolute lifetime counts from sign-in (R13). */
export function absoluteExpiry(data: SessionData, limits: SessionLimits): number {
  return data.authenticatedAt + limits.maxAgeMs;
}

export function isExpired(data: SessionData, limits: SessionLimits, now = Date.now()): boolean {
  return now >= absoluteExpiry(data, limits) || data.authenticatedAt > now + 60_000;
}
