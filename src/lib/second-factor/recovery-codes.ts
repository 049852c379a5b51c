import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** One code: 10 characters of a 31-letter alphabet (about 50 bits), shown as `xxxxx-xxxxx`. */
function newCode(): string {
  const letters = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** A fresh set of single-use codes, shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
}

/** The code as typed, without case, spaces or dashes; null when it cannot be one of ours. */
export function normaliseRecoveryCode(code: string): string | null {
  const letters = code.toLowerCase().replace(/[\s-]/g, "");
  return letters.length === 10 && [...letters].every((letter) => ALPHABET.includes(letter)) ? letters : null;
}

/**
 * What is stored: the SHA-256 of the normalised code. A fast hash is enough here: the codes are random and
 * high-entropy, so a dump cannot be brute-forced back the way a password hash could (README, design notes).
 */
export function hashRecoveryCode(code: string): string | null {
  const normalised = normaliseRecoveryCode(code);
  return normalised === null ? null : createHash("sha256").update(normalised).digest("hex");
}
