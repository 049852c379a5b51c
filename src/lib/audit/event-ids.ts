import { ipBucket, type RequestContext } from "@/lib/http/request-context";
import type { AuthEventName } from "./audit-event";

/**
 * The id for an event anyone can trigger without an account (a forged cookie, a cross-site post): at most
 * one row per event, client address and minute, so a flood cannot fill the disk or crowd out sign-ins.
 */
export function oncePerMinuteId(event: AuthEventName, context: RequestContext | null, now = Date.now()): string {
  const source = context?.ip ? ipBucket(context.ip) : "unknown";
  return `${event}:${source}:${Math.floor(now / 60_000)}`;
}
