import { describe, expect, it } from "vitest";
import { mustVerifyFirst, sendsVerification, showsVerifyBanner, signUpSignsIn } from "./verification-gate";

describe("EMAIL_VERIFICATION decisions", () => {
  it("only `required` blocks an unverified user, and never a verified one", () => {
    expect(mustVerifyFirst("required", false)).toBe(true);
    expect(mustVerifyFirst("required", true)).toBe(false);
    expect(mustVerifyFirst("optional", false)).toBe(false);
    expect(mustVerifyFirst("off", false)).toBe(false);
  });

  it("the banner shows while unverified unless verification is off", () => {
    expect(showsVerifyBanner("optional", false)).toBe(true);
    expect(showsVerifyBanner("required", false)).toBe(true);
    expect(showsVerifyBanner("optional", true)).toBe(false);
    expect(showsVerifyBanner("off", false)).toBe(false);
  });

  it("sign-up sends a link unless off, and signs in unless required", () => {
    expect([sendsVerification("off"), sendsVerification("optional"), sendsVerification("required")]).toEqual([
      false,
      true,
      true,
    ]);
    expect([signUpSignsIn("off"), signUpSignsIn("optional"), signUpSignsIn("required")]).toEqual([true, true, false]);
  });
});
