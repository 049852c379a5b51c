import { randomInt } from "node:crypto";
import * as common from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { contextWords } from "./password-guessability";
import { MAX_PASSWORD_BYTES, normalizePassword, passwordLengthProblem } from "./password-rules";
import { checkPasswordStrength } from "./password-strength";

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

  it("derives the app's name whole, run together and in parts", () => {
    expect(contextWords({ appName: "Iron Gate" })).toEqual(["iron gate", "irongate", "iron", "gate"]);
    expect(contextWords({ appName: "Iron-Gate" })).toEqual(expect.arrayContaining(["irongate", "iron", "gate"]));
  });
});

// Guessed as an attacker would (issue 8, section 4): the app's name however spaced, repeated, cased or
// followed by digits; the word "password"; keyboard walks; famous phrases; repeats.
const GUESSABLE = [
  "IronGateIronGate1",
  "irongate irongate",
  "IRON GATE IRON GATE",
  "Iron-Gate-Iron-Gate!",
  "iron gate iron gate 2024",
  "iron_gate_123456789",
  "IronGate2024IronGate",
  "Gateiron12345678",
  "Password123456789!",
  "Password!Password!",
  "P@ssw0rd123456789",
  "passwordpassword1!",
  "correcthorsebatterystaple",
  "correct horse battery staple",
  "Correct-Horse-Battery-Staple",
  "maytheforcebewithyou",
  "iloveyouforever!",
  "qwertyuiopasdfghjkl",
  "asdfghjkl;'zxcvbnm",
  "1qaz2wsx3edc4rfv5tgb",
  "zaq12wsxcde34rfv",
  "grace hopper 19061992",
  "ironGATE!!!!!!!!!!",
];

describe("guessable passwords are refused", () => {
  it.each(GUESSABLE)("refuses %s, with a reason and a suggestion", (password) => {
    const verdict = checkPasswordStrength(password, context);
    expect(verdict).toMatchObject({ ok: false, reason: expect.any(String) });
    if (!verdict.ok) expect(verdict.suggestions.length).toBeGreaterThan(0);
    expect(verdict.score).toBeLessThanOrEqual(2);
  });
});

const diceware = common.dictionary["diceware-common"];
const passphrase = (words: number, separator: string): string =>
  Array.from({ length: words }, () => diceware[randomInt(diceware.length)]).join(separator);
const randomPrintable = (length: number): string =>
  Array.from({ length }, () => String.fromCharCode(33 + randomInt(94))).join("");

describe("unguessable passwords still pass", () => {
  // Four-word phrases drawn once from the diceware list with crypto.randomInt. Fresh draws are tested
  // with five words: about one four-word phrase in twenty is refused (see MIN_GUESSES_LOG10).
  it.each([
    "velvet tractor kiwi orbit lantern",
    "gumdrop-scouts-ambush-molar",
    "cattail veto fidgety ranch",
    "dimple_renovate_curler_smog",
    "Tq9#vLm2$Wz7!kR",
  ])("accepts %s", (password) => {
    expect(checkPasswordStrength(password, context)).toMatchObject({ ok: true });
  });

  it("accepts fresh random five-word diceware passphrases, with any separator", () => {
    for (const separator of [" ", "-", ""]) {
      for (let i = 0; i < 4; i++) {
        const password = passphrase(5, separator);
        expect(checkPasswordStrength(password, context), password).toMatchObject({ ok: true });
      }
    }
  }, 30_000);

  it("accepts fresh random strings of 20 printable characters", () => {
    for (let i = 0; i < 10; i++) {
      const password = randomPrintable(20);
      expect(checkPasswordStrength(password, context), password).toMatchObject({ ok: true });
    }
  }, 30_000);
});
