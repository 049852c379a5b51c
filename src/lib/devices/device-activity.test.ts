import { describe, expect, it } from "vitest";
import { ActivityMemo, activityWriteInterval, idleCutoff, isActivityDue } from "./device-activity";

const DEFAULT_LIMITS = { idleMs: 30 * 60_000, maxAgeMs: 7 * 24 * 3_600_000 };
const MINUTE = 60_000;

describe("the last-active decision (issue 11 §1: within five minutes, no write on most requests)", () => {
  it("writes every four minutes at most, sooner for short idle timeouts", () => {
    expect(activityWriteInterval(DEFAULT_LIMITS)).toBe(4 * MINUTE);
    expect(activityWriteInterval({ idleMs: 20_000, maxAgeMs: 60_000 })).toBe(5_000);
    expect(activityWriteInterval({ idleMs: 1_000, maxAgeMs: 60_000 })).toBe(1_000);
  });

  it("is due when nothing was written yet or the stored value is one interval old", () => {
    expect(isActivityDue(undefined, 1_000, MINUTE)).toBe(true);
    expect(isActivityDue(1_000, 1_000 + MINUTE - 1, MINUTE)).toBe(false);
    expect(isActivityDue(1_000, 1_000 + MINUTE, MINUTE)).toBe(true);
    // A seal older than what was written (another tab's cookie) never writes.
    expect(isActivityDue(10_000, 5_000, MINUTE)).toBe(false);
  });

  it("writes a session seen on every request once per interval", () => {
    const memo = new ActivityMemo();
    const interval = activityWriteInterval(DEFAULT_LIMITS);
    let writes = 0;
    // A request every 10 s for an hour, the seal's lastSeenAt sliding once a minute as the proxy does it.
    for (let t = 0; t < 60 * MINUTE; t += 10_000) {
      const seenAt = Math.floor(t / MINUTE) * MINUTE;
      if (memo.claim("sid", seenAt, interval)) writes++;
    }
    expect(writes).toBe(15);
  });

  it("keeps the stored value within five minutes of the activity", () => {
    const memo = new ActivityMemo();
    const interval = activityWriteInterval(DEFAULT_LIMITS);
    let stored = 0;
    for (let t = 0; t < 60 * MINUTE; t += 10_000) {
      // The seal lags the activity by up to the proxy's refresh interval (one minute).
      const seenAt = Math.floor(t / MINUTE) * MINUTE;
      if (memo.claim("sid", seenAt, interval)) stored = seenAt;
      expect(t - stored).toBeLessThan(5 * MINUTE);
    }
  });

  it("a session this instance has not seen is written once; a failed write is tried again", () => {
    const memo = new ActivityMemo();
    expect(memo.claim("a", 1_000, MINUTE)).toBe(true);
    expect(memo.claim("a", 1_000, MINUTE)).toBe(false);
    memo.forget("a");
    expect(memo.claim("a", 1_000, MINUTE)).toBe(true);
  });

  it("stays bounded", () => {
    const memo = new ActivityMemo();
    for (let i = 0; i < 10_050; i++) memo.claim(`sid-${i}`, 1_000, MINUTE);
    expect(memo.size).toBe(10_000);
    // The oldest went first.
    expect(memo.claim("sid-0", 1_000, MINUTE)).toBe(true);
    expect(memo.claim("sid-10049", 1_000, MINUTE)).toBe(false);
  });

  it("counts a row as possibly live until its lag could no longer explain its age", () => {
    const now = 100 * MINUTE;
    expect(idleCutoff(now, DEFAULT_LIMITS)).toBe(now - 30 * MINUTE - 4 * MINUTE - MINUTE);
  });
});
