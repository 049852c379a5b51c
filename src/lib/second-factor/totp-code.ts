import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_MS = 30_000;
const DIGITS = 6;
/** One step either side: a phone clock a little off, or a code typed as it changed (issue 13). */
const WINDOW = 1;

/** A new secret of 160 bits (RFC 4226 recommends it), as base32 for the authenticator app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "account", issuer = "Iron Gate"): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: TOTP_PERIOD_MS / 1000,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The `otpauth://` URI the QR code carries. */
export function totpUri(secretBase32: string, label: string, issuer: string): string {
  return totp(secretBase32, label, issuer).toString();
}

/** The 30-second step `now` falls in. */
export function totpStep(now: number): number {
  return Math.floor(now / TOTP_PERIOD_MS);
}

/** What a typed code looks like once spaces are dropped: six digits, or nothing we will check. */
export function normaliseTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type TotpMatch = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * Checks `code` at `now` with a ±1 step window. A code whose step is not after `lastUsedStep` is refused as a
 * replay: once a code was accepted, neither it nor an older one of the window works again (RFC 6238 §5.2).
 */
export function matchTotp(secretBase32: string, code: string, now: number, lastUsedStep: number | null): TotpMatch {
  const token = normaliseTotpCode(code);
  if (token === null) return { ok: false, reason: "wrong" };
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = totpStep(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}
