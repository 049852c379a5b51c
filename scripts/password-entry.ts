import { normalizePassword } from "@/lib/auth/password-rules";

/** What the person gave as a new password: one to check against the policy, or why there is none. */
export type PasswordEntry =
  | { ok: true; password: string }
  | { ok: false; reason: "missing" | "mismatch" | "cancelled" };

/** Pure: stdin's first line, where an empty one (or none at all) means no password was given. */
export function entryFromLine(line: string): PasswordEntry {
  return line === "" ? { ok: false, reason: "missing" } : { ok: true, password: normalizePassword(line) };
}

/** Pure: the two entries of a terminal prompt must be the same password (after NFC, as sign-in compares). */
export function confirmEntries(first: string, second: string): PasswordEntry {
  const entry = entryFromLine(first);
  if (!entry.ok) return entry;
  return entry.password === normalizePassword(second) ? entry : { ok: false, reason: "mismatch" };
}
