import { describe, expect, it } from "vitest";
import { newSessionData } from "./session-data";
import { confirmedAt, stepUpState } from "./step-up";

const WINDOW = 10 * 60_000;
const T0 = 1_800_000_000_000;

describe("stepUpState (R61)", () => {
  it("a fresh sign-in counts as a confirmation, for exactly the window", () => {
    const data = newSessionData({ id: "u1", sessionVersion: 0 }, T0);
    expect(stepUpState(data, WINDOW, T0)).toEqual({ status: "fresh", confirmedUntil: T0 + WINDOW });
    expect(stepUpState(data, WINDOW, T0 + WINDOW - 1)).toEqual({ status: "fresh", confirmedUntil: T0 + WINDOW });
    expect(stepUpState(data, WINDOW, T0 + WINDOW)).toEqual({ status: "required" });
  });

  it("a seal from before confirmedAt existed counts its sign-in", () => {
    const old = { authenticatedAt: T0 };
    expect(stepUpState(old, WINDOW, T0 + 1_000)).toEqual({ status: "fresh", confirmedUntil: T0 + WINDOW });
    expect(stepUpState(old, WINDOW, T0 + WINDOW + 1)).toEqual({ status: "required" });
  });

  it("a later confirmation restarts the window; the sign-in time no longer matters", () => {
    const data = confirmedAt(newSessionData({ id: "u1", sessionVersion: 0 }, T0), T0 + 2 * WINDOW);
    expect(stepUpState(data, WINDOW, T0 + 2 * WINDOW + 5)).toEqual({
      status: "fresh",
      confirmedUntil: T0 + 3 * WINDOW,
    });
  });

  it("a confirmation never moves back", () => {
    const data = confirmedAt(newSessionData({ id: "u1", sessionVersion: 0 }, T0), T0 - 5_000);
    expect(data.confirmedAt).toBe(T0);
  });

  it("a confirmation from the future is none", () => {
    expect(stepUpState({ authenticatedAt: T0, confirmedAt: T0 + 120_000 }, WINDOW, T0)).toEqual({
      status: "required",
    });
  });
});
