import { describe, expect, it } from "vitest";
import { ResealMemo, resealReuseMs } from "./reseal-memo";
import { newSessionData, type SessionData } from "./session-data";

const sessions = new Map<string, SessionData>();
const data = (name: string): SessionData => {
  const existing = sessions.get(name) ?? newSessionData({ id: `user-${name}`, sessionVersion: 1 }, 1_000);
  sessions.set(name, existing);
  return existing;
};

describe("ResealMemo", () => {
  it("answers the same old seal with the same new one until its time is up", () => {
    const memo = new ResealMemo();
    memo.set("old", { seal: "new", data: data("s1") }, 5_000);
    expect(memo.get("old", 4_999)).toEqual({ seal: "new", data: data("s1") });
    expect(memo.get("other", 4_999)).toBeNull();
    expect(memo.get("old", 5_000)).toBeNull();
    expect(memo.size).toBe(0);
  });

  it("keeps at most its bound, dropping the oldest entry first", () => {
    const memo = new ResealMemo(2);
    memo.set("a", { seal: "A", data: data("a") }, 10);
    memo.set("b", { seal: "B", data: data("b") }, 10);
    memo.set("c", { seal: "C", data: data("c") }, 10);
    expect(memo.size).toBe(2);
    expect(memo.get("a", 0)).toBeNull();
    expect(memo.get("c", 0)?.seal).toBe("C");
  });

  it("reuses a seal for half the refresh interval", () => {
    // Refresh every tenth of the idle limit, at most a minute (session-data.ts).
    expect(resealReuseMs({ idleMs: 6_000, maxAgeMs: 16_000 })).toBe(300);
    expect(resealReuseMs({ idleMs: 30 * 60_000, maxAgeMs: 86_400_000 })).toBe(30_000);
  });
});
