import { describe, expect, it } from "vitest";
import {
  ACTIVITY_EXTENDS_EVERY_MS,
  type Effect,
  initialState,
  step,
  type WatchEvent,
  type WatchState,
} from "./session-machine";

// The server's clock runs 1 000 000 ms ahead of the page's; the page starts at t = 0.
const SKEW = 1_000_000;
const IDLE = 30_000;
const ABSOLUTE = 120_000;
const WARNING = 10_000;
const expiries = (idleLeft: number, absoluteLeft = ABSOLUTE, at = 0) => ({
  idleExpiresAt: SKEW + at + idleLeft,
  absoluteExpiresAt: SKEW + absoluteLeft,
  serverNow: SKEW + at,
});

/** Runs events in order from a fresh watcher; returns the last state and every effect asked for. */
function run(events: WatchEvent[], start: WatchState = initialState(expiries(IDLE), WARNING, 0)) {
  let state = start;
  const effects: Effect[] = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const none = { active: false as const, reason: "none" as const };

describe("the session machine", () => {
  it("asks the server once when the warning starts, not on every tick", () => {
    const { effects } = run([
      { type: "tick", now: 19_000 },
      { type: "tick", now: 21_000 },
      { type: "tick", now: 22_000 },
      { type: "status", answer: { active: true, expiries: expiries(IDLE) }, now: 22_100 },
      { type: "tick", now: 23_000 },
    ]);
    expect(effects).toEqual([{ type: "read-status" }]);
  });

  it("adopts a later idle limit from the server (activity in another tab) and keeps counting", () => {
    const { state, effects } = run([
      { type: "tick", now: 30_000 },
      { type: "status", answer: { active: true, expiries: expiries(IDLE, ABSOLUTE, 30_000) }, now: 30_050 },
    ]);
    expect(effects).toEqual([{ type: "read-status" }]);
    expect(state.phase).toBe("watching");
    expect(state.deadlines.idle).toBe(60_050);
  });

  it("at the deadline, still the same limits: ends the session on both sides as idle expiry", () => {
    const { state, effects } = run([
      { type: "tick", now: 30_000 },
      { type: "status", answer: { active: true, expiries: expiries(IDLE) }, now: 30_050 },
    ]);
    expect(state.phase).toBe("leaving");
    expect(effects.at(-1)).toEqual({ type: "end-and-leave", reason: "expired" });
  });

  it("a cookie gone at the deadline the page counted is an expiry, not a sign-out elsewhere", () => {
    const { effects } = run([
      { type: "tick", now: 30_000 },
      { type: "status", answer: none, now: 30_050 },
    ]);
    expect(effects).toContainEqual({ type: "leave", reason: "expired", returnHere: true });
    expect(effects).toContainEqual({ type: "announce", message: { type: "expired", reason: "expired" } });
  });

  it("at the absolute limit says ended", () => {
    const start = initialState(expiries(IDLE, IDLE), WARNING, 0);
    const { effects } = run(
      [
        { type: "tick", now: 30_000 },
        { type: "status", answer: none, now: 30_050 },
      ],
      start,
    );
    expect(effects).toContainEqual({ type: "leave", reason: "ended", returnHere: true });
  });

  it("a cookie gone before the deadline: another tab signed out", () => {
    const { effects } = run([
      { type: "message", message: { type: "signed-out" }, now: 5_000 },
      { type: "status", answer: none, now: 5_050 },
    ]);
    expect(effects).toEqual([
      { type: "read-status" },
      { type: "leave", reason: "signed-out-elsewhere", returnHere: true },
    ]);
  });

  it("the server's own reason wins when it has one", () => {
    const { effects } = run([
      { type: "visible", now: 5_000 },
      { type: "status", answer: { active: false, reason: "removed" }, now: 5_050 },
    ]);
    expect(effects.at(-1)).toEqual({ type: "leave", reason: "removed", returnHere: true });
  });

  it("a sign-out message while a read is in flight asks again once that (older) answer is in", () => {
    const { effects } = run([
      { type: "visible", now: 5_000 },
      { type: "message", message: { type: "signed-out" }, now: 5_010 },
      { type: "status", answer: { active: true, expiries: expiries(IDLE) }, now: 5_050 },
      { type: "status", answer: none, now: 5_100 },
    ]);
    expect(effects).toEqual([
      { type: "read-status" },
      { type: "read-status" },
      { type: "leave", reason: "signed-out-elsewhere", returnHere: true },
    ]);
  });

  it("a sign-out message that the server contradicts changes nothing", () => {
    const { state } = run([
      { type: "message", message: { type: "signed-out" }, now: 5_000 },
      { type: "status", answer: { active: true, expiries: expiries(IDLE) }, now: 5_050 },
    ]);
    expect(state.phase).toBe("watching");
  });

  it("no answer before the deadline keeps counting; past it, the page's count stands", () => {
    expect(
      run([
        { type: "visible", now: 1_000 },
        { type: "status", answer: null, now: 1_050 },
      ]).state.phase,
    ).toBe("watching");
    const late = run([
      { type: "tick", now: 30_000 },
      { type: "status", answer: null, now: 30_050 },
    ]);
    expect(late.effects.at(-1)).toEqual({ type: "end-and-leave", reason: "expired" });
  });

  it("activity extends at most once a minute, and never during the warning", () => {
    const start = initialState(expiries(10 * 60_000), WARNING, 0);
    const { effects } = run(
      [
        { type: "activity", now: 1_000 },
        { type: "activity", now: ACTIVITY_EXTENDS_EVERY_MS },
        { type: "activity", now: ACTIVITY_EXTENDS_EVERY_MS + 1_000 },
        { type: "activity", now: 10 * 60_000 - 5_000 },
      ],
      start,
    );
    expect(effects).toEqual([{ type: "refresh" }]);
  });

  it("'Stay signed in' refreshes and tells the other tabs the new limits", () => {
    const fresh = expiries(IDLE, ABSOLUTE, 25_000);
    const { state, effects } = run([
      { type: "stay", now: 25_000 },
      { type: "refresh", answer: { active: true, expiries: fresh }, now: 25_050 },
    ]);
    expect(effects).toEqual([{ type: "refresh" }, { type: "announce", message: { type: "refreshed", ...fresh } }]);
    expect(state.deadlines.idle).toBe(55_050);
  });

  it("a refresh in another tab moves this tab's deadline", () => {
    const { state } = run([
      { type: "message", message: { type: "refreshed", ...expiries(IDLE, ABSOLUTE, 20_000) }, now: 20_000 },
    ]);
    expect(state.deadlines.idle).toBe(50_000);
  });

  it("sign-out: leaves only once the server confirmed it", () => {
    const failed = run([{ type: "sign-out" }, { type: "signed-out", ok: false }]);
    expect(failed.state.phase).toBe("watching");
    expect(failed.effects).toEqual([{ type: "sign-out" }]);
    const done = run([{ type: "sign-out" }, { type: "signed-out", ok: true }]);
    expect(done.effects).toEqual([
      { type: "sign-out" },
      { type: "announce", message: { type: "signed-out" } },
      { type: "leave", reason: "signed-out", returnHere: false },
    ]);
  });

  it("once leaving, nothing else happens", () => {
    const { effects } = run([
      { type: "message", message: { type: "expired", reason: "expired" }, now: 1_000 },
      { type: "tick", now: 40_000 },
      { type: "activity", now: 70_000 },
    ]);
    expect(effects).toEqual([{ type: "leave", reason: "expired", returnHere: true }]);
  });
});
