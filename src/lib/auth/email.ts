import { z } from "zod";
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE } from "./invisible-characters";

export const MAX_EMAIL_LENGTH = 254;

/** Trim, NFC, lowercase: applied before any validation (R58, "validate after canonicalize"). */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize("NFC").toLowerCase();
}

// Lists, quoted local parts, comments, whitespace and control characters are refused outright.
const FORBIDDEN = /[\s\p{Cc}",;:<>()[\]\\\uFF20\uFE6B]/u;
const DOMAIN =
  /^(?=.{1,253}$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;

/** Why an already normalised email is unacceptable, or null when it is fine (decision 3). */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return "Enter your email address.";
  if (!email.isWellFormed()) return "Remove the characters that are not valid text.";
  if (email.length > MAX_EMAIL_LENGTH) return `Use at most ${MAX_EMAIL_LENGTH} characters.`;
  if (hasInvisibleCharacters(email)) return INVISIBLE_CHARACTERS_MESSAGE;
  if (FORBIDDEN.test(email)) return "Enter a single plain address such as ada@example.com.";
  const parts = email.split("@");
  if (parts.length !== 2) return "An email address has exactly one @.";
  const [local = "", domain = ""] = parts;
  if (local.length === 0 || local.length > 64) return "Enter the part before the @.";
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return "Check the part before the @.";
  if (!DOMAIN.test(domain)) return "Check the part after the @ (such as example.com).";
  return null;
}

/** A string email, normalised, then validated. Shared by every form, route and test. */
export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .max(4 * MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters.`)
  .transform(normalizeEmail)
  .superRefine((email, ctx) => {
    const problem = emailProblem(email);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
