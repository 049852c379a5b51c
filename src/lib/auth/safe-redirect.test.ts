import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect (R52)", () => {
  it.each(["/private", "/private?tab=1", "/a/b#c", "/search?q=%2F%2Fx"])("keeps the same-site path %s", (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    "//evil.test",
    "///evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "https://evil.test/private",
    "http:/evil.test",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "/%2F%2Fevil.test",
    "/%5Cevil.test",
    "/%5c%5cevil.test",
    " /private",
    "/pri vate",
    "/\tevil",
    "/%0a/evil.test",
    "private",
    "",
    "/%E0%A4%A",
    `/${"a".repeat(3000)}`,
    "/.//evil.test/phish",
    "/a/..//evil.test",
    "/%2e//evil.test",
    "/%2e%2e//evil.test",
    "/./%2F/evil.test",
  ])("falls back for %j", (next) => {
    expect(safeRedirect(next)).toBe("/private");
  });

  it.each([undefined, null, 42, {}, ["/private"]])("falls back for the non-string %j", (next) => {
    expect(safeRedirect(next)).toBe("/private");
  });

  it("is idempotent: its answer passes through it unchanged", () => {
    for (const next of ["/private?x=1", "/a/../b", "/.//evil.test", "/a/./b/", "/%2e//evil.test"]) {
      const once = safeRedirect(next);
      expect(safeRedirect(once)).toBe(once);
    }
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirect("//evil.test", "/")).toBe("/");
  });
});
