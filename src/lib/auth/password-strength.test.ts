import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_BYTES, normalizePassword, passwordLengthProblem } from "./password-rules";
import { checkPasswordStrength, contextWords } from "./password-strength";

const context = { email: "grace.hopper@example.com", name: "Grace Hopper", appName: "Iron Gate" };

describe("password length rules (R28, R29)", () => {
  it("needs 15 characters, counted as code points", () => {
    expect(passwordLengthProblem("a".repeat(14))).toMatch(/at least 15/);
    expect(passwordLengthProblem("a".repeat(15))).toBeNull();
    // 15 emoji are 30 UTF-16 units but 15 characters: accepted; 14 are refused.
    expect(passwordLengthProblem("🦊".repeat(15))).toBeNull();
    expect(passwordLengthProblem("🦊".repeat(14))).toMatch(/at least 15/);
  });

  it("caps the size in bytes, not characters", () => {
    expect(passwordLengthProblem("a".repeat(MAX_PASSWORD_BYTES))).toBeNull();
    expect(passwordLengthProblem("a".repeat(MAX_PASSWORD_BYTES + 1))).toMatch(/at most 1024 bytes/);
    expect(passwordLengthProblem("é".repeat(513))).toMatch(/bytes/);
  });

  it("normalises to NFC without trimming", () => {
    expect(normalizePassword("cafe\u0301 ")).toBe("caf\u00e9 ");
  });
});

describe("checkPasswordStrength (decision 2)", () => {
  it("accepts a long passphrase of unrelated words", () => {
    expect(checkPasswordStrength("velvet tractor kiwi orbit lantern", context)).toMatchObject({ ok: true });
  });

  it.each(["passwordpassword", "123456789012345", "qwertyuiopasdfgh", "iloveyouiloveyou1"])(
    "refuses the guessable %s with a reason",
    (password) => {
      const verdict = checkPasswordStrength(password, context);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(0);
    },
  );

  it("refuses the user's own email, which only the context words reveal as guessable", () => {
    expect(checkPasswordStrength("grace.hopper@example.com", context).ok).toBe(false);
    expect(checkPasswordStrength("grace.hopper@example.com", { appName: "Iron Gate" }).ok).toBe(true);
  });

  it("judges a very long password by its first 128 characters", () => {
    const known = "passwordpassword".repeat(8); // 128 characters of a known pattern
    expect(checkPasswordStrength(`${known}x7#Qm!vZ2@pL9^tW`, context).ok).toBe(false);
    expect(checkPasswordStrength(`velvet tractor kiwi orbit lantern ${known}`, context).ok).toBe(true);
  });

  it("gives suggestions with a refusal", () => {
    const verdict = checkPasswordStrength("passwordpassword", context);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.suggestions.length).toBeGreaterThan(0);
  });

  it("derives context words from the email, name and app name", () => {
    expect(contextWords(context)).toEqual(
      expect.arrayContaining(["grace.hopper@example.com", "grace", "hopper", "example", "iron gate", "gate"]),
    );
  });
});
