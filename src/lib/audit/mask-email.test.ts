import { describe, expect, it } from "vitest";
import { oncePerMinuteId } from "./event-ids";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("ada@example.com")).toBe("a***@example.com");
    expect(maskEmail("a@b@example.com")).toBe("a***@example.com");
  });

  it("hides everything of something that is not an address", () => {
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("nobody")).toBe("***");
  });
});

describe("oncePerMinuteId", () => {
  const context = { ip: "203.0.113.7", userAgent: null, requestId: "r1" };
  it("is one id per event, address and minute", () => {
    const t0 = 1_800_000_000_000;
    expect(oncePerMinuteId("throttled", context, t0)).toBe(oncePerMinuteId("throttled", context, t0 + 59_999));
    expect(oncePerMinuteId("throttled", context, t0)).not.toBe(oncePerMinuteId("throttled", context, t0 + 60_000));
    expect(oncePerMinuteId("throttled", context, t0)).not.toBe(oncePerMinuteId("csrf_rejected", context, t0));
    expect(oncePerMinuteId("throttled", null, t0)).toMatch(/^throttled:unknown:/);
  });
});
