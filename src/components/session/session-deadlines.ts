import type { Expiries } from "./session-api";

/** When the session ends, on this page's own clock. */
export interface Deadlines {
  idle: number;
  absolute: number;
}

/**
 * Turns the server's expiries into deadlines on this page's clock: what is left by the server's clock
 * (`idleExpiresAt - serverNow`), counted from the moment the answer arrived. That corrects any skew
 * between the two clocks. The watcher adopts new deadlines only when the server's expiries change (a
 * refresh here or in another tab), so between changes the countdown keeps the page's own pace.
 */
export function deadlinesFrom(expiries: Expiries, receivedAt: number): Deadlines {
  return {
    idle: receivedAt + (expiries.idleExpiresAt - expiries.serverNow),
    absolute: receivedAt + (expiries.absoluteExpiresAt - expiries.serverNow),
  };
}
