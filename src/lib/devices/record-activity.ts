import { db } from "@/lib/db/database";
import { log } from "@/lib/log/logger";
import type { SessionData, SessionLimits } from "@/lib/session/session-data";
import { sessionLimits } from "@/lib/session/session-limits";
import { ActivityMemo, activityWriteInterval } from "./device-activity";
import { touchDevice } from "./device-store";

const holder = globalThis as typeof globalThis & { __ironGateActivityMemo?: ActivityMemo };
holder.__ironGateActivityMemo ??= new ActivityMemo();
const memo = holder.__ironGateActivityMemo;

/**
 * Called for every verified session: writes the seal's `lastSeenAt` (the activity the proxy saw, not this
 * request, so a page polling its status never makes a device look active) to the device row when this
 * instance has not written one that recent (`device-activity.ts`). Off the request, like the audit queue: a
 * status read never waits behind a write lock; a failed write is logged and tried again by the next request.
 */
export function noteActivity(data: SessionData, limits: SessionLimits = sessionLimits()): void {
  if (!memo.claim(data.sid, data.lastSeenAt, activityWriteInterval(limits))) return;
  void db()
    .then((database) => touchDevice(database, data.sid, data.lastSeenAt))
    .catch((error: unknown) => {
      memo.forget(data.sid);
      log.warn("device_activity_not_recorded", { error });
    });
}

/** A sign-in just wrote its row: nothing to write until the session has been active for an interval. */
export function rememberActivity(data: SessionData): void {
  memo.remember(data.sid, data.lastSeenAt);
}
