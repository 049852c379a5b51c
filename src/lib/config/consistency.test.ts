import { describe, expect, it } from "vitest";
import { checkConsistency, type RelatedSettings } from "./consistency";

const DEFAULTS: RelatedSettings = {
  SESSION_IDLE_TIMEOUT: 1_800_000,
  SESSION_MAX_AGE: 43_200_000,
  SESSION_WARNING: 60_000,
  THROTTLE_ACCOUNT_BASE_DELAY: 30_000,
  THROTTLE_ACCOUNT_MAX_DELAY: 3_600_000,
};

describe("checkConsistency", () => {
  it("finds nothing wrong with the defaults", () => {
    expect(checkConsistency(DEFAULTS)).toEqual([]);
  });

  it("allows equal idle and absolute limits, and an equal base and maximum delay", () => {
    expect(
      checkConsistency({
        ...DEFAULTS,
        SESSION_MAX_AGE: 1_800_000,
        THROTTLE_ACCOUNT_BASE_DELAY: 3_600_000,
      }),
    ).toEqual([]);
  });

  it("refuses a warning as long as the idle window (the dialog would open on page load)", () => {
    expect(checkConsistency({ ...DEFAULTS, SESSION_WARNING: 1_800_000 })).toEqual([
      "SESSION_WARNING (30m) must be shorter than SESSION_IDLE_TIMEOUT (30m)",
    ]);
  });

  it("names both variables of every contradiction", () => {
    const problems = checkConsistency({
      SESSION_IDLE_TIMEOUT: 45_000,
      SESSION_MAX_AGE: 30_000,
      SESSION_WARNING: 60_000,
      THROTTLE_ACCOUNT_BASE_DELAY: 7_200_000,
      THROTTLE_ACCOUNT_MAX_DELAY: 3_600_000,
    });
    expect(problems).toEqual([
      "SESSION_WARNING (1m) must be shorter than SESSION_IDLE_TIMEOUT (45s)",
      "SESSION_IDLE_TIMEOUT (45s) must be at most SESSION_MAX_AGE (30s)",
      "THROTTLE_ACCOUNT_BASE_DELAY (2h) must be at most THROTTLE_ACCOUNT_MAX_DELAY (1h)",
    ]);
  });
});
