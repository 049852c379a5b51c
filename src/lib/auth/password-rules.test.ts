import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_BYTES, passwordField, withinByteCap } from "./password-rules";

describe("withinByteCap (R29)", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(withinByteCap("a".repeat(MAX_PASSWORD_BYTES))).toBe(true);
    expect(withinByteCap("a".repeat(MAX_PASSWORD_BYTES + 1))).toBe(false);
    expect(withinByteCap("é".repeat(MAX_PASSWORD_BYTES / 2))).toBe(true);
    expect(withinByteCap("é".repeat(MAX_PASSWORD_BYTES / 2 + 1))).toBe(false);
  });
});

describe("passwordField", () => {
  const field = passwordField("Enter it.");
  const problem = (value: unknown): string | undefined => field.safeParse(value).error?.issues[0]?.message;

  it("says the caller's message for a missing or empty password", () => {
    expect(problem(undefined)).toBe("Enter it.");
    expect(problem("")).toBe("Enter it.");
    expect(problem(42)).toBe("Enter it.");
  });

  it("refuses lone surrogates and anything over the byte cap", () => {
    expect(problem("abc\uD800def")).toMatch(/not valid text/);
    expect(problem("x".repeat(MAX_PASSWORD_BYTES + 1))).toBe(`Use at most ${MAX_PASSWORD_BYTES} bytes.`);
  });

  it("gives the password back in NFC, untrimmed", () => {
    expect(field.parse(" e\u0301 ")).toBe(" \u00e9 ");
  });
});
