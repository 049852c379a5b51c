import { describe, expect, it } from "vitest";
import { afterFailure, describeFailure, isPermanentFailure, retryDelayMs } from "./delivery-retry";

const policy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 12 };

describe("retryDelayMs", () => {
  it("doubles from the base delay and stops at the maximum", () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(8, policy)).toBe(3_600_000);
    expect(retryDelayMs(500, policy)).toBe(3_600_000);
  });
});

describe("afterFailure", () => {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNREFUSED" });
  const noMailbox = Object.assign(new Error("550 no such user"), { responseCode: 550 });
  const busy = Object.assign(new Error("451 try later"), { responseCode: 451 });

  it("retries transient failures later, and gives up after the last attempt", () => {
    expect(afterFailure(1, refused, policy, 1000)).toEqual({ kind: "retry", at: 31_000 });
    expect(afterFailure(3, busy, policy, 0)).toEqual({ kind: "retry", at: 120_000 });
    expect(afterFailure(12, refused, policy, 0)).toEqual({ kind: "give_up" });
  });

  it("gives up at once on a permanent refusal", () => {
    expect(isPermanentFailure(noMailbox)).toBe(true);
    expect(isPermanentFailure(busy)).toBe(false);
    expect(isPermanentFailure("550")).toBe(false);
    expect(afterFailure(1, noMailbox, policy, 0)).toEqual({ kind: "give_up" });
  });
});

describe("describeFailure", () => {
  it("keeps one short line without credentials", () => {
    const error = Object.assign(new Error("Invalid login\nfor smtp://ada:hunter2@mail.example.com"), { code: "EAUTH" });
    const line = describeFailure(error);
    expect(line).toBe("EAUTH: Invalid login for smtp://***@mail.example.com");
    expect(describeFailure(new Error("x".repeat(1000)))).toHaveLength(300);
    expect(describeFailure(42)).toBe("unknown error");
  });
});
