import { z } from "zod";

/** NIST SP 800-63B rev 4, single-factor: at least 15 characters (R28, decision 2). */
export const MIN_PASSWORD_CHARS = 15;
/** A byte cap, far above the 64 characters we must allow, checked before hashing (R29). */
export const MAX_PASSWORD_BYTES = 1024;

const BYTE_CAP_MESSAGE = `Use at most ${MAX_PASSWORD_BYTES} bytes.`;

/** Whether `password` is within the byte cap (R29), counted in UTF-8 as it will be hashed. */
export function withinByteCap(password: string): boolean {
  return new TextEncoder().encode(password).length <= MAX_PASSWORD_BYTES;
}

/** Passwords are compared exactly as typed after Unicode NFC (R31); never trimmed or truncated. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

/** Length rules only; guessability is `checkPasswordStrength`'s job. Counts code points (R28). */
export function passwordLengthProblem(password: string): string | null {
  if (!password.isWellFormed()) return WELL_FORMED_MESSAGE;
  const normalized = normalizePassword(password);
  if ([...normalized].length < MIN_PASSWORD_CHARS) return `Use at least ${MIN_PASSWORD_CHARS} characters.`;
  return withinByteCap(normalized) ? null : BYTE_CAP_MESSAGE;
}

/** A lone UTF-16 surrogate cannot be encoded, so it could never be verified exactly as typed (R31). */
const WELL_FORMED_MESSAGE = "Remove the characters that are not valid text.";

/**
 * A password field before any policy: a non-empty, well-formed string within the byte cap, in NFC.
 * `missing` is the message for an absent or empty one.
 */
export function passwordField(missing: string): z.ZodPipe<z.ZodString, z.ZodTransform<string, string>> {
  return z
    .string({ error: missing })
    .min(1, missing)
    .refine((password) => password.isWellFormed(), WELL_FORMED_MESSAGE)
    .refine(withinByteCap, BYTE_CAP_MESSAGE)
    .transform(normalizePassword);
}

/** A password as submitted to sign-in: any string within the byte cap, no policy. */
export const PasswordInputSchema = passwordField("Enter your password.");
