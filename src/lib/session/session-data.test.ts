import { describe, expect, it } from "vitest";
import { absoluteExpiry, isExpired, newSessionData, parseSessionData } from "./session-data";

const user = { id: "user-1", sessionVersion: 3 };
const limits = { maxAgeMs: 60_000 };

describe("session data (R6, R10, R27)", () => {
  it("holds ids and numeric timestamps only", () => {
    const data = newSessionData(user, 1_000);
    expect(Object.keys(data).sort()).toEqual(["authenticatedAt", "lastSeenAt", "sid", "uid", "ver"]);
    expect(data).toMatchObject({ uid: "user-1", ver: 3, authenticatedAt: 1_000, lastSeenAt: 1_000 });
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

  it("ends at the absolute limit counted from sign-in (R13)", () => {
    const data = newSessionData(user, 10_000);
    expect(absoluteExpiry(data, limits)).toBe(70_000);
    expect(isExpired(data, limits, 69_999)).toBe(false);
    expect(isExpired(data, limits, 70_000)).toBe(true);
  });

  it("treats a session signed in the future as expired", () => {
    expect(isExpired(newSessionData(user, 1_000_000), limits, 1_000)).toBe(true);
  });
});
