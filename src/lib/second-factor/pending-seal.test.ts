import { describe, expect, it } from "vitest";
import { parseSessionData } from "@/lib/session/session-data";
import { type Pending, PendingSchema, pendingIsLive } from "./pending-seal";

const pending: Pending = { purpose: "second-factor", pid: "p".repeat(24), uid: "user-1", ver: 0, startedAt: 1_000_000 };

describe("the pending seal (issue 13)", () => {
  it("is not a session: the session parser refuses its data", () => {
    expect(PendingSchema.safeParse(pending).success).toBe(true);
    expect(parseSessionData(pending)).toBeNull();
  });

  it("lives for its lifetime and no longer; one from the future is refused", () => {
    expect(pendingIsLive(pending, 300_000, 1_000_000 + 299_999)).toBe(true);
    expect(pendingIsLive(pending, 300_000, 1_000_000 + 300_000)).toBe(false);
    expect(pendingIsLive(pending, 300_000, 1_000_000 - 120_000)).toBe(false);
  });
});
