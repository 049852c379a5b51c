import { audit } from "@/lib/audit/audit-log";
import { oncePerMinuteId } from "@/lib/audit/event-ids";
import type { RequestContext } from "@/lib/http/request-context";

/** Too many attempts: answer 429 with `Retry-After` (decision 7). */
export type Throttled = { ok: false; code: "throttled"; retryAfterSeconds: number };

/**
 * The answer to an attempt the throttle refused (R42), audited at most once a minute per address (a flood
 * cannot fill the log): `action` and the throttle's scope go into the detail, `userId` when the caller knows
 * whose account it is.
 */
export async function throttledAndAudited(
  verdict: { scope: string; retryAfterSeconds: number },
  action: string,
  context: RequestContext,
  userId: string | null = null,
  now = Date.now(),
): Promise<Throttled> {
  const id = oncePerMinuteId("throttled", context, now);
  const detail = `${action}, per ${verdict.scope}`;
  await audit({ id, event: "throttled", outcome: "blocked", userId, detail }, context, now);
  return { ok: false, code: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
}
