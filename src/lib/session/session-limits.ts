import { env } from "@/lib/config/env";
import type { SessionLimits } from "./session-data";

/** The configured idle and absolute limits. */
export function sessionLimits(): SessionLimits {
  const { SESSION_IDLE_TIMEOUT, SESSION_MAX_AGE } = env();
  return { idleMs: SESSION_IDLE_TIMEOUT, maxAgeMs: SESSION_MAX_AGE };
}
