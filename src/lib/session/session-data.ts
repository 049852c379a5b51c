import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * What the sealed cookie holds: ids and timestamps only, never an email or a name (R6). Timestamps are
 * epoch milliseconds (iron-session 9 refuses `Date`). `ver` is the user's `sessionVersion` when sealed.
 */
/**
 * How a session was made (RFC 8176 names where one exists): `pwd` password, `otp` authenticator-app code,
 * `rec` recovery code (a look-up secret: no RFC 8176 name), `hwk` passkey.
 */
export const AmrSchema = z.enum(["pwd", "otp", "rec", "hwk"]);
export type Amr = z.infer<typeof AmrSchema>;

export const SessionDataSchema = z.object({
  sid: z.string().min(16).max(64),
  uid: z.string().min(1).max(64),
  ver: z.number().int().nonnegative(),
  authenticatedAt: z.number().int().positive(),
  lastSeenAt: z.number().int().positive(),
  /** When the password was last confirmed in this session (step-up, R61). Older seals lack it. */
  confirmedAt: z.number().int().positive().optional(),
  /** The methods this sign-in used (issue 13); older seals lack it and were made with a password. */
  amr: z.array(AmrSchema).min(1).max(4).optional(),
});

export type SessionData = z.infer<typeof SessionDataSchema>;

/** Narrows whatever came out of the cookie; anything of another shape is no session (R27). */
export function parseSessionData(value: unknown): SessionData | null {
  const result = SessionDataSchema.safeParse(value);
  return result.success ? result.data : null;
}

/**
 * A brand-new session for a fresh sign-in: new random id, so a planted one never survives (R10). Signing in
 * is a password confirmation too (R61).
 */
export function newSessionData(
  user: { id: string; sessionVersion: number },
  now = Date.now(),
  amr: Amr[] = ["pwd"],
): SessionData {
  return {
    sid: randomBytes(18).toString("base64url"),
    uid: user.id,
    ver: user.sessionVersion,
    authenticatedAt: now,
    lastSeenAt: now,
    confirmedAt: now,
    amr,
  };
}

/** The methods a session was signed in with; a seal from before `amr` existed was a password sign-in. */
export function amrOf(data: Pick<SessionData, "amr">): Amr[] {
  return data.amr ?? ["pwd"];
}

export interface SessionLimits {
  /** Inactivity allowed before the session ends (R12). */
  idleMs: number;
  /** Lifetime from sign-in, whatever the activity (R13). */
  maxAgeMs: number;
}

/** Why a session that was sealed is no longer usable: `idle` past the idle limit, `absolute` past the lifetime. */
export type ExpiryReason = "idle" | "absolute";

/** What a client is told about its session's end, with the server's clock to correct its own by. */
export interface SessionExpiries {
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  serverNow: number;
}

export type SessionState =
  | { status: "active"; idleExpiresAt: number; absoluteExpiresAt: number }
  | { status: "expired"; reason: ExpiryReason };

/** The moment the session ends no matter what: its lifetime counts from sign-in. */
export function absoluteExpiry(data: SessionData, limits: SessionLimits): number {
  return data.authenticatedAt + limits.maxAgeMs;
}

/** Both limits, checked on every read (R12, R13). A session from the future is treated as over. */
export function sessionState(data: SessionData, limits: SessionLimits, now = Date.now()): SessionState {
  const absoluteExpiresAt = absoluteExpiry(data, limits);
  if (now >= absoluteExpiresAt || data.authenticatedAt > now + 60_000) return { status: "expired", reason: "absolute" };
  const idleExpiresAt = Math.min(data.lastSeenAt + limits.idleMs, absoluteExpiresAt);
  if (now >= idleExpiresAt)
    return { status: "expired", reason: idleExpiresAt === absoluteExpiresAt ? "absolute" : "idle" };
  return { status: "active", idleExpiresAt, absoluteExpiresAt };
}

/**
 * How stale `lastSeenAt` may get before activity re-seals the cookie: once a minute, or every tenth of the
 * idle timeout when that is shorter. Fewer writes, at most that much of the idle window lost.
 */
export function refreshInterval(limits: SessionLimits): number {
  return Math.min(60_000, Math.floor(limits.idleMs / 10));
}

export function isDueForRefresh(data: SessionData, limits: SessionLimits, now = Date.now()): boolean {
  return now - data.lastSeenAt >= refreshInterval(limits);
}

/** The same session, seen active at `now`: the idle window restarts, the absolute limit does not (R13). */
export function touch(data: SessionData, now = Date.now()): SessionData {
  return { ...data, lastSeenAt: Math.max(data.lastSeenAt, now) };
}
