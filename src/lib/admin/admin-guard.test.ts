import { describe, expect, it } from "vitest";
import { isActiveAdmin } from "./admin-guard";

describe("isActiveAdmin", () => {
  it("is an admin flag (boolean or SQLite's 1) on a row that is not disabled", () => {
    expect(isActiveAdmin({ isAdmin: true, disabledAt: null })).toBe(true);
    expect(isActiveAdmin({ isAdmin: 1, disabledAt: null })).toBe(true);
    expect(isActiveAdmin({ isAdmin: false, disabledAt: null })).toBe(false);
    expect(isActiveAdmin({ isAdmin: 0, disabledAt: null })).toBe(false);
    expect(isActiveAdmin({ isAdmin: true, disabledAt: 1 })).toBe(false);
    expect(isActiveAdmin(undefined)).toBe(false);
  });
});
