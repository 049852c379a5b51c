import { describe, expect, it } from "vitest";
import { adminFactorDecision, adminRequiresSecondFactor, usedSecondFactor } from "./second-factor-policy";

describe("second-factor policy (issue 13 §3)", () => {
  it("a password alone is not a second factor; a code, a recovery code or a passkey is", () => {
    expect(usedSecondFactor(["pwd"])).toBe(false);
    expect(usedSecondFactor(["pwd", "otp"])).toBe(true);
    expect(usedSecondFactor(["pwd", "rec"])).toBe(true);
    expect(usedSecondFactor(["hwk"])).toBe(true);
  });

  it("ADMIN_REQUIRE_SECOND_FACTOR defaults to true in production only", () => {
    expect(adminRequiresSecondFactor(undefined, "production")).toBe(true);
    expect(adminRequiresSecondFactor(undefined, "development")).toBe(false);
    expect(adminRequiresSecondFactor("false", "production")).toBe(false);
    expect(adminRequiresSecondFactor("true", "development")).toBe(true);
  });

  it("with the rule on, a password-only session is refused and a two-step one admitted", () => {
    expect(adminFactorDecision(["pwd"], true)).toEqual({ ok: false, reason: "second_factor_required" });
    expect(adminFactorDecision(["pwd", "otp"], true)).toEqual({ ok: true });
    expect(adminFactorDecision(["pwd"], false)).toEqual({ ok: true });
  });

  it("with the rule on, a recovery code or a passkey alone (no password) counts as well", () => {
    expect(adminFactorDecision(["hwk"], true)).toEqual({ ok: true });
    expect(adminFactorDecision(["pwd", "rec"], true)).toEqual({ ok: true });
  });
});
