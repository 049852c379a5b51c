import { randomUUID } from "node:crypto";
import { env } from "@/lib/config/env";
import { db, reader } from "@/lib/db/database";
import { ipBucket, type RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log/logger";

export type AuthEventName =
  | "sign_up"
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "session_expired"
  | "sessions_revoked"
  | "password_changed"
  | "password_confirmed"
  | "password_reset_requested"
  | "password_reset"
  | "throttled"
  | "csrf_rejected"
  | "cookie_rejected"
  | "email_verified"
  | "email_change_requested"
  | "email_changed";

export type Outcome = "success" | "failure" | "blocked";

export interface AuthEvent {
  event: AuthEventName;
  outcome: Outcome;
  userId?: string | null;
  /** Never a password, a cookie or, for unknown accounts, a full email. */
  detail?: string | null;
  /** A stable id makes the event idempotent (one `session_expired` per session). */
  id?: string;
}

export interface StoredEvent {
  at: number;
  event: string;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  detail: string | null;
}

/** `ada@example.com` → `a***@example.com`: enough to spot a pattern, not to learn who. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * The id for an event anyone can trigger without an account (a forged cookie, a cross-site post): at most
 * one row per event, client address and minute, so a flood cannot fill the disk or crowd out sign-ins.
 */
export function oncePerMinuteId(event: AuthEventName, context: RequestContext | null, now = Date.now()): string {
  const source = context?.ip ? ipBucket(context.ip) : "unknown";
  return `${event}:${source}:${Math.floor(now / 60_000)}`;
}

const PURGE_EVERY_MS = 3_600_000;
const holder = globalThis as typeof globalThis & { __ironGateAuditPurgedAt?: number };

/** Appends one event to `auth_events` (R45); throws when the database cannot take it. Old events are purged hourly. */
export async function writeAuthEvent(entry: AuthEvent, context: RequestContext | null, now: number): Promise<void> {
  const database = await db();
  await database
    .insertInto("authEvents")
    .values({
      id: entry.id ?? randomUUID(),
      at: now,
      userId: entry.userId ?? null,
      event: entry.event,
      outcome: entry.outcome,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent ?? null,
      detail: entry.detail ?? null,
    })
    .onConflict((conflict) => conflict.column("id").doNothing())
    .execute();
  if (now - (holder.__ironGateAuditPurgedAt ?? 0) > PURGE_EVERY_MS) {
    holder.__ironGateAuditPurgedAt = now;
    await database
      .deleteFrom("authEvents")
      .where("at", "<", now - env().AUDIT_RETENTION)
      .execute();
  }
}

/** Mirrors an event to the log (the field is `name`: a line's own `event` is its kind). */
export function logAuthEvent(entry: AuthEvent, context: RequestContext | null): void {
  const { event, ...rest } = entry;
  log.info("auth_event", { name: event, ...rest, ip: context?.ip, requestId: context?.requestId });
}

/**
 * Records one event, awaited: for the write paths (sign-in, sign-out, revocation), which write anyway.
 * Best effort: an audit write that fails is logged, never turned into a failed sign-in. Read paths use
 * `auditLater` (audit-queue.ts), which never makes the answer wait.
 */
export async function audit(entry: AuthEvent, context: RequestContext | null, now = Date.now()): Promise<void> {
  logAuthEvent(entry, context);
  try {
    await writeAuthEvent(entry, context, now);
  } catch (error) {
    log.error("audit_write_failed", { auditEvent: entry.event, error });
  }
}

/** The user's latest events, newest first, for the account page. */
export async function recentEvents(userId: string, limit = 20): Promise<StoredEvent[]> {
  const rows = await (await reader())
    .selectFrom("authEvents")
    .select(["at", "event", "outcome", "ip", "userAgent", "detail"])
    .where("userId", "=", userId)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, at: Number(row.at) }));
}
