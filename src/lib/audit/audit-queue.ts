import type { RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log/logger";
import type { AuthEvent } from "./audit-event";
import { logAuthEvent, writeAuthEvent } from "./audit-log";

/** At most this many events wait; past it a flood is dropped (and logged) rather than held in memory. */
export const AUDIT_QUEUE_LIMIT = 1_000;
/** A write refused (a locked database, say) is tried this many times in all, a second apart. */
const ATTEMPTS = 3;
const RETRY_AFTER_MS = 1_000;

interface Pending {
  entry: AuthEvent;
  context: RequestContext | null;
  at: number;
  attempts: number;
}

// One queue per process, shared by every bundle Next.js builds.
const holder = globalThis as typeof globalThis & { __ironGateAuditQueue?: { pending: Pending[]; flushing: boolean } };
holder.__ironGateAuditQueue ??= { pending: [], flushing: false };
const queue = holder.__ironGateAuditQueue;

/**
 * Records an event without making the caller wait: for read paths (a status read that finds a session
 * expired), whose answer must never queue behind a write lock. The entry is logged at once and written
 * off the request, in order; a write that keeps failing is logged as `audit_write_failed`, never thrown.
 */
export function auditLater(entry: AuthEvent, context: RequestContext | null, now = Date.now()): void {
  // The same event (one `session_expired` per session) read again while its write waits: nothing new.
  if (entry.id && queue.pending.some((pending) => pending.entry.id === entry.id)) return;
  logAuthEvent(entry, context);
  if (queue.pending.length >= AUDIT_QUEUE_LIMIT) {
    log.error("audit_write_failed", { auditEvent: entry.event, error: "audit queue full" });
    return;
  }
  queue.pending.push({ entry, context, at: now, attempts: 0 });
  scheduleFlush(0);
}

/** How many events wait to be written (for tests and health). */
export function pendingAuditEvents(): number {
  return queue.pending.length;
}

function scheduleFlush(delayMs: number): void {
  if (queue.flushing) return;
  queue.flushing = true;
  setTimeout(() => void flush(), delayMs).unref();
}

async function flush(): Promise<void> {
  let retryLater = false;
  for (let next = queue.pending[0]; next; next = queue.pending[0]) {
    try {
      await writeAuthEvent(next.entry, next.context, next.at);
      queue.pending.shift();
    } catch (error) {
      next.attempts += 1;
      if (next.attempts < ATTEMPTS) {
        retryLater = true;
        break;
      }
      queue.pending.shift();
      log.error("audit_write_failed", { auditEvent: next.entry.event, attempts: next.attempts, error });
    }
  }
  queue.flushing = false;
  if (queue.pending.length > 0) scheduleFlush(retryLater ? RETRY_AFTER_MS : 0);
}
