import type { Amr } from "@/lib/session/session-data";

/** The methods that count as a second factor (or, for a passkey, as phishing-resistant on their own). */
const STRONG: readonly Amr[] = ["otp", "rec", "hwk"];

/** Whether a session was signed in with more than a password (issue 13 §3). */
export function usedSecondFactor(amr: readonly Amr[]): boolean {
  return amr.some((method) => STRONG.includes(method));
}

/** `ADMIN_REQUIRE_SECOND_FACTOR`: unset means true in production, false elsewhere. */
export function adminRequiresSecondFactor(setting: "true" | "false" | undefined, nodeEnv: string): boolean {
  return setting === undefined ? nodeEnv === "production" : setting === "true";
}

export type AdminFactorDecision = { ok: true } | { ok: false; reason: "second_factor_required" };

/**
 * The admin area's second-factor rule: with the setting on, only a session signed in with a second factor
 * or a passkey gets in; others are shown how to add one. Pure: the admin guard passes the session's `amr`.
 */
export function adminFactorDecision(amr: readonly Amr[], required: boolean): AdminFactorDecision {
  if (!required || usedSecondFactor(amr)) return { ok: true };
  return { ok: false, reason: "second_factor_required" };
}
