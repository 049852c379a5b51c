import { describe, expect, it } from "vitest";
import {
  absoluteExpiry,
  isDueForRefresh,
  newSessionData,
  parseSessionData,
  refreshInterval,
  sessionState,
  touch,
} from "./session-data";

const user = { id: "user-1", sessionVersion: 3 };
const limits = { idleMs: 20_000, maxAgeMs: 60_000 };

describe("session data (R6, R10, R27)", () => {
  it("holds ids and numeric timestamps only", () => {
    const data = newSessionData(user, 1_000);
    expect(Object.keys(data).sort()).toEqual([
      "amr",
      "authenticatedAt",
      "confirmedAt",
      "lastSeenAt",
      "sid",
      "uid",
      "ver",
    ]);
    expect(data.amr).toEqual(["pwd"]);
    expect(data).toMatchObject({
      uid: "user-1",
      ver: 3,
      authenticatedAt: 1_000,
      lastSeenAt: 1_000,
      confirmedAt: 1_000,
    });
  });

  it("still reads a seal made before confirmedAt existed (step-up, R61)", () => {
    const { confirmedAt: _, ...older } = newSessionData(user, 1_000);
    expect(parseSessionData(older)).toEqual(older);
  });

  it("gives every sign-in a new random session id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newSessionData(user).sid));
    expect(ids.size).toBe(50);
  });

  it("round-trips through JSON and rejects other shapes", () => {
    const data = newSessionData(user);
    expect(parseSessionData(JSON.parse(JSON.stringify(data)))).toEqual(data);
    expect(parseSessionData({})).toBeNull();
    expect(parseSessionData({ ...data, ver: "3" })).toBeNull();
    expect(parseSessionData({ ...data, authenticatedAt: new Date().toISOString() })).toBeNull();
    expect(parseSessionData({ user: { id: 1 } })).toBeNull();
    expect(parseSessionData(null)).toBeNull();
  });

  it("is active inside both windows and reports both expiries", () => {
    const data = newSessionData(user, 10_000);
    expect(sessionState(data, limits, 15_000)).toEqual({
      status: "active",
      idleExpiresAt: 30_000,
      absoluteExpiresAt: 70_000,
    });
  });

  it("ends after the idle timeout without activity (R12)", () => {
    const data = newSessionData(user, 10_000);
    expect(sessionState(data, limits, 29_999).status).toBe("active");
    expect(sessionState(data, limits, 30_000)).toEqual({ status: "expired", reason: "idle" });
  });

  it("slides the idle window with activity but never past the absolute limit (R13)", () => {
    let data = newSessionData(user, 10_000);
    for (const now of [25_000, 40_000, 55_000]) data = touch(data, now);
    expect(sessionState(data, limits, 65_000)).toMatchObject({ status: "active", idleExpiresAt: 70_000 });
    expect(absoluteExpiry(data, limits)).toBe(70_000);
    expect(sessionState(data, limits, 70_000)).toEqual({ status: "expired", reason: "absolute" });
  });

  it("never moves lastSeenAt backwards", () => {
    expect(touch(newSessionData(user, 50_000), 40_000).lastSeenAt).toBe(50_000);
  });

  it("treats a session signed in the future as over", () => {
    expect(sessionState(newSessionData(user, 1_000_000), limits, 1_000)).toEqual({
      status: "expired",
      reason: "absolute",
    });
  });

  it("re-seals at most once a minute, or every tenth of a short idle timeout", () => {
    expect(refreshInterval({ idleMs: 30 * 60_000, maxAgeMs: 1 })).toBe(60_000);
    expect(refreshInterval({ idleMs: 3_000, maxAgeMs: 1 })).toBe(300);
    const data = newSessionData(user, 10_000);
    expect(isDueForRefresh(data, limits, 11_999)).toBe(false);
    expect(isDueForRefresh(data, limits, 12_000)).toBe(true);
  });
});
