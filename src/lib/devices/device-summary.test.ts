import { describe, expect, it } from "vitest";
import { deviceSummary } from "./device-summary";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("deviceSummary (issue 11 §1)", () => {
  it("names the browser and the system", () => {
    expect(deviceSummary(CHROME_LINUX)).toBe("Chrome on Linux");
    expect(deviceSummary(SAFARI_IPHONE)).toBe("Safari on iOS");
    expect(deviceSummary(FIREFOX_WINDOWS)).toBe("Firefox on Windows");
  });

  it("says so when there is nothing to read", () => {
    expect(deviceSummary(null)).toBe("Unknown device");
    expect(deviceSummary("")).toBe("Unknown device");
    expect(deviceSummary("\u0000\u0001")).toBe("Unknown device");
  });

  it("keeps a hostile header to short printable words", () => {
    const summary = deviceSummary(`<script>alert(1)</script>/${"x".repeat(500)}`);
    expect(summary).not.toMatch(/[<>/]/);
    expect(summary.length).toBeLessThanOrEqual(84);
  });
});
