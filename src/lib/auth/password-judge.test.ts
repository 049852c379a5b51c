import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPool } from "./hash-pool";
import { STRENGTH_TUNING } from "./password-guessability";
import { judgePassword } from "./password-judge";
import { checkPasswordStrength } from "./password-strength";

const context = { email: "grace.hopper@example.com", name: "Grace Hopper", appName: "Iron Gate" };

// 128 characters of look-alikes and keyboard runs: among the slowest inputs for zxcvbn's matchers.
const CRAFTED = "4@8({[</369&#!1/|0$5+7%2/".repeat(6).slice(0, 128);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("judgePassword: the server's verdict, computed in a worker thread", () => {
  it("runs zxcvbn in a worker: the calling thread makes no zxcvbn call at all", async () => {
    const check = vi.spyOn(ZxcvbnFactory.prototype, "check");
    expect(await judgePassword(CRAFTED, context)).toMatchObject({ score: expect.any(Number) });
    expect(await judgePassword("IronGateIronGate1", context)).toMatchObject({ ok: false });
    expect(await judgePassword("velvet tractor kiwi orbit lantern", context)).toMatchObject({ ok: true });
    expect(check).not.toHaveBeenCalled();
    // The spy does see zxcvbn on this thread: the browser's meter runs it in place.
    checkPasswordStrength(CRAFTED, context);
    expect(check).toHaveBeenCalled();
  }, 30_000);

  it("is answered by a thread other than the main one", async () => {
    const { threadId } = await hashPool().strength({ candidates: [CRAFTED], words: [], tuning: STRENGTH_TUNING });
    expect(threadId).toBeGreaterThan(0);
  });

  it.each([
    CRAFTED,
    "IronGateIronGate1",
    "Password123456789!",
    "correcthorsebatterystaple",
    "grace.hopper@example.com",
    "velvet tractor kiwi orbit lantern",
    "gumdrop-scouts-ambush-molar",
    "short",
    `velvet tractor kiwi orbit lantern ${"passwordpassword".repeat(8)}`,
  ])(
    "gives the browser's verdict for %s",
    async (password) => {
      expect(await judgePassword(password, context)).toEqual(checkPasswordStrength(password, context));
    },
    30_000,
  );
});
