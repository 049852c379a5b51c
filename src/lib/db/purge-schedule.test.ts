import { describe, expect, it } from "vitest";
import { PURGE_EVERY_MS, purgeDue } from "./purge-schedule";

describe("purgeDue", () => {
  it("is due the first time, then not until the interval has passed", () => {
    const t0 = 1_800_000_000_000;
    expect(purgeDue("test-a", t0)).toBe(true);
    expect(purgeDue("test-a", t0)).toBe(false);
    expect(purgeDue("test-a", t0 + PURGE_EVERY_MS - 1)).toBe(false);
    expect(purgeDue("test-a", t0 + PURGE_EVERY_MS)).toBe(true);
  });

  it("keeps one clock per purge name", () => {
    const t0 = 1_800_000_000_000;
    expect(purgeDue("test-b", t0)).toBe(true);
    expect(purgeDue("test-c", t0)).toBe(true);
    expect(purgeDue("test-b", t0 + 1)).toBe(false);
  });

  it("honours a shorter interval when asked", () => {
    expect(purgeDue("test-d", 1_000, 10)).toBe(true);
    expect(purgeDue("test-d", 1_009, 10)).toBe(false);
    expect(purgeDue("test-d", 1_010, 10)).toBe(true);
  });
});
