import { z } from "zod";

/** NIST SP 800-63B rev 4, single-factor: at least 15 characters (R28, decision 2). */
export const MIN_PASSWORD_CHARS = 15;
/** A byte cap, far above the 64 characters we must allow, checked before hashing (R29). */
export const MAX_PASSWORD_BYTES = 1024;

/** Passwords are compared exactly as typed after Unicode NFC (R31); never trimmed or truncated. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

/** Length rules only; guessability is `checkPasswordStrength`'s job. Counts code points (R28). */
export function passwordLengthProblem(password: string): string | null {
  if (!password.isWellFormed()) return WELL_FORMED_MESSAGE;
  const normalized = normalizePassword(password);
  if ([...normalized].length < MIN_PASSWORD_CHARS) return `Use at least ${MIN_PASSWORD_CHARS} characters.`;
  if (new TextEncoder().encode(normalized).length > MAX_PASSWORD_BYTES) {
    return `Use at most ${MAX_PASSWORD_BYTES} bytes.`;
  }
  return null;
}

/** A lone UTF-16 surrogate cannot be encoded, so it could never be verified exactly as typed (R31). */
const WELL_FORMED_MESSAGE = "Remove the characters that are not valid text.";

/** A password as submitted to sign-in: any string within the byte cap, no policy. */
export const PasswordInputSchema = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .refine((password) => password.isWellFormed(), WELL_FORMED_MESSAGE)
  .refine((password) => new TextEncoder().encode(password).length <= MAX_PASSWORD_BYTES, {
    message: `Use at most ${MAX_PASSWORD_BYTES} bytes.`,
  })
  .transform(normalizePassword);
