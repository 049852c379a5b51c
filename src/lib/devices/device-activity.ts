import { refreshInterval, type SessionLimits } from "@/lib/session/session-data";

/** At most this stale a device's stored `lastActiveAt` gets (plus the seal's own refresh interval). */
const MAX_WRITE_INTERVAL_MS = 240_000;
const MAX_REMEMBERED = 10_000;

/**
 * How far the seal's `lastSeenAt` may run ahead of the stored `lastActiveAt` before it is written: four
 * minutes, or a quarter of the idle timeout when that is shorter. With the seal's own refresh interval (at most
 * one minute) the list is then within five minutes of the truth, for one write per device every few minutes.
 */
export function activityWriteInterval(limits: SessionLimits): number {
  return Math.max(1_000, Math.min(MAX_WRITE_INTERVAL_MS, Math.floor(limits.idleMs / 4)));
}

/** Whether activity seen at `seenAt` must be written, given what this instance last wrote (if anything). */
export function isActivityDue(recordedAt: number | undefined, seenAt: number, interval: number): boolean {
  return recordedAt === undefined || seenAt - recordedAt >= interval;
}

/**
 * A row whose `lastActiveAt` is older than this may still be live (the stored value lags by up to the write
 * and refresh intervals); one older still is past the idle limit for sure.
 */
export function idleCutoff(now: number, limits: SessionLimits): number {
  return now - limits.idleMs - activityWriteInterval(limits) - refreshInterval(limits);
}

/**
 * What this instance last wrote per session id, so most requests write nothing. Bounded: the oldest entry
 * goes first (forgetting one costs one extra, harmless write). A session seen on several instances is written
 * by each at most once per interval.
 */
export class ActivityMemo {
  readonly #recorded = new Map<string, number>();

  /** True (and remembered at once, so concurrent requests do not write it again) when a write is due. */
  claim(sid: string, seenAt: number, interval: number): boolean {
    if (!isActivityDue(this.#recorded.get(sid), seenAt, interval)) return false;
    this.remember(sid, seenAt);
    return true;
  }

  remember(sid: string, seenAt: number): void {
    this.#recorded.delete(sid);
    if (this.#recorded.size >= MAX_REMEMBERED) this.#recorded.delete(this.#recorded.keys().next().value as string);
    this.#recorded.set(sid, seenAt);
  }

  /** After a failed write: the next request tries again. */
  forget(sid: string): void {
    this.#recorded.delete(sid);
  }

  get size(): number {
    return this.#recorded.size;
  }
}
