import { describe, expect, it } from "vitest";
import { durationSchema, formatDuration, MAX_TIMER_MS, parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    ["45s", 45_000],
    ["30m", 1_800_000],
    ["12h", 43_200_000],
    ["7d", 604_800_000],
    [" 3s ", 3_000],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "0s", "10", "1.5h", "-3m", "3 m", "3w", "abc"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it("falls back to the default and explains a bad value", () => {
    expect(durationSchema("12h").parse(undefined)).toBe(43_200_000);
    expect(durationSchema("12h").safeParse("soon").error?.issues[0]?.message).toMatch(/not a duration/);
  });

  it("refuses more than the longest timer, and names the limit", () => {
    expect(durationSchema("12h").parse("24d")).toBe(MAX_TIMER_MS);
    expect(durationSchema("12h").safeParse("25d").error?.issues[0]?.message).toMatch(/at most 24d/);
    expect(durationSchema("12h", 60_000).safeParse("2m").success).toBe(false);
  });
});

describe("formatDuration", () => {
  it.each([
    [45_000, "45s"],
    [60_000, "1m"],
    [5_400_000, "90m"],
    [86_400_000, "1d"],
    [1_500, "1500ms"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
