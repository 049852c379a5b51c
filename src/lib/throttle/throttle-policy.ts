import { env } from "@/lib/config/env";

export interface ThrottlePolicy {
  /** Attempts one client address may make at once, then `ipPerMinute` more each minute (a token bucket). */
  ipBurst: number;
  ipPerMinute: number;
  /** Consecutive failures on one account before waits begin. */
  accountFreeFailures: number;
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
}

/** NIST's ceiling (R39): past this many consecutive failures, one attempt a day. */
export const HARD_FAILURE_LIMIT = 100;
const DAY_MS = 86_400_000;

export function throttlePolicy(): ThrottlePolicy {
  const e = env();
  return {
    ipBurst: e.THROTTLE_IP_BURST,
    ipPerMinute: e.THROTTLE_IP_PER_MINUTE,
    accountFreeFailures: e.THROTTLE_ACCOUNT_FREE_FAILURES,
    accountBaseDelayMs: e.THROTTLE_ACCOUNT_BASE_DELAY,
    accountMaxDelayMs: e.THROTTLE_ACCOUNT_MAX_DELAY,
  };
}

/**
 * The wait after `failures` consecutive failures (decision 7): none for the first few, then 30 s doubling up
 * to an hour; from the 100th on, a day. A delay, never a permanent lock (R40).
 */
export function accountDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.accountFreeFailures) return 0;
  if (failures >= HARD_FAILURE_LIMIT) return DAY_MS;
  const doublings = Math.min(30, failures - policy.accountFreeFailures);
  return Math.min(policy.accountBaseDelayMs * 2 ** doublings, policy.accountMaxDelayMs);
}

/** What a throttled person reads, wherever they are refused. */
export function throttledMessage(retryAfterSeconds: number): string {
  return `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
}
