import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log/logger";
import type { AuthEvent } from "./audit-event";
import { purgeOldEvents } from "./audit-purge";

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
  await purgeOldEvents(database, now);
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
