import { env } from "@/lib/config/env";

/** `EMAIL_VERIFICATION`: no links at all, links and a banner, or nothing but "check your email" until verified. */
export type VerificationMode = "off" | "optional" | "required";

/** Where an unverified user is sent under `required`: the one page such a user may see (besides signing out). */
export const CHECK_EMAIL_PATH = "/check-email";

/** Where the sign-up form goes under `required`, for a new and a taken address alike (nobody is signed in). */
export const SIGNED_UP_CHECK_EMAIL = "/check-email?signed-up=1";

/** With `required`, an unverified user may use nothing but the "check your email" page and signing out. */
export function mustVerifyFirst(mode: VerificationMode, emailVerified: boolean): boolean {
  return mode === "required" && !emailVerified;
}

/** Signed-in pages show the "verify your address" banner while the address is unverified (not with `off`). */
export function showsVerifyBanner(mode: VerificationMode, emailVerified: boolean): boolean {
  return mode !== "off" && !emailVerified;
}

/** Sign-up sends a verification link unless verification is off. */
export function sendsVerification(mode: VerificationMode): boolean {
  return mode !== "off";
}

/** Only `required` keeps sign-up silent about taken addresses: nobody is signed in before verifying. */
export function signUpSignsIn(mode: VerificationMode): boolean {
  return mode !== "required";
}

export function verificationMode(): VerificationMode {
  return env().EMAIL_VERIFICATION;
}
