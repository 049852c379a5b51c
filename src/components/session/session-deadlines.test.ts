import { describe, expect, it } from "vitest";
import { deadlinesFrom } from "./session-deadlines";

describe("deadlinesFrom", () => {
  it("keeps what is left by the server's clock, whatever the page's clock says", () => {
    const expiries = { idleExpiresAt: 1_060_000, absoluteExpiresAt: 1_600_000, serverNow: 1_000_000 };
    // The page's clock runs 5 minutes behind the server's: 60 s and 600 s are still left.
    expect(deadlinesFrom(expiries, 700_000)).toEqual({ idle: 760_000, absolute: 1_300_000 });
    // Or 5 minutes ahead.
    expect(deadlinesFrom(expiries, 1_300_000)).toEqual({ idle: 1_360_000, absolute: 1_900_000 });
  });
});
