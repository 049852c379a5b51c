/** Housekeeping deletes run at most this often per process: they are cheap to skip, costly to repeat. */
export const PURGE_EVERY_MS = 3_600_000;

// One clock per process, shared by every bundle Next.js builds (proxy, App Router, Pages Router).
const holder = globalThis as typeof globalThis & { __ironGatePurgedAt?: Map<string, number> };
holder.__ironGatePurgedAt ??= new Map();
const purgedAt = holder.__ironGatePurgedAt;

/**
 * Whether the purge named `name` is due at `now` (its last run is at least `everyMs` old, or it never ran
 * here); when it is, it counts as run from now, so concurrent callers do not all purge.
 */
export function purgeDue(name: string, now = Date.now(), everyMs = PURGE_EVERY_MS): boolean {
  if (now - (purgedAt.get(name) ?? Number.NEGATIVE_INFINITY) < everyMs) return false;
  purgedAt.set(name, now);
  return true;
}
