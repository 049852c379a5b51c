/** iron-session's password map: every id unseals, the highest id seals (R20). */
export interface SessionSecrets {
  passwords: Record<string, string>;
  currentId: string;
}

export const MIN_SECRET_LENGTH = 32;
export const MIN_SECRET_BITS = 80;

/**
 * A rough, documented estimate of a secret's entropy: its length times the Shannon entropy of its own
 * character frequencies. Forty `a` carry 0 bits, `abab…` one bit a character; `npm run secret` (43 random
 * base64url characters) about 200, 32 random hex digits about 115. It cannot see patterns such as `abcd…`,
 * only repetition; it is a guard against placeholders, not a proof of randomness.
 */
export function estimatedBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    bitsPerCharacter -= p * Math.log2(p);
  }
  return bitsPerCharacter * characters.length;
}

/** Why a secret is unusable, naming it as `label`, or null when it will do. */
function secretProblem(label: string, secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `${label} must be at least ${MIN_SECRET_LENGTH} characters long`;
  if (estimatedBits(secret) < MIN_SECRET_BITS) {
    return `${label} is too predictable (repeated characters): use a random one, such as npm run secret prints`;
  }
  return null;
}

/**
 * `SESSION_SECRETS="3:<newest>,2:<older>"`, or `SESSION_SECRET` alone, which is id 1 (so that moving from
 * one secret to a list never signs anyone out). Returns the problem as a string when unusable.
 */
export function parseSessionSecrets(list: string | undefined, single: string | undefined): SessionSecrets | string {
  if (list === undefined || list.trim() === "") {
    if (single === undefined || single === "") {
      return "SESSION_SECRET is missing: set it to a random string of at least 32 characters (npm run secret)";
    }
    const problem = secretProblem("SESSION_SECRET", single);
    if (problem) return problem;
    return { passwords: { "1": single }, currentId: "1" };
  }
  const passwords: Record<string, string> = {};
  for (const entry of list.split(",")) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator).trim();
    const secret = entry.slice(separator + 1).trim();
    if (separator < 0 || !/^[1-9]\d{0,8}$/.test(id)) {
      return 'SESSION_SECRETS must look like "2:<newest secret>,1:<older secret>" with positive whole-number ids';
    }
    const problem = secretProblem(`SESSION_SECRETS id ${id}`, secret);
    if (problem) return problem;
    if (id in passwords) return `SESSION_SECRETS lists id ${id} twice`;
    passwords[id] = secret;
  }
  const currentId = String(Math.max(...Object.keys(passwords).map(Number)));
  return { passwords, currentId };
}

/** The password id a seal was made with (`Fe26.2*<id>*…`), or null for anything else. */
export function sealPasswordId(seal: string): string | null {
  return /^Fe26\.2\*(\d+)\*/.exec(seal)?.[1] ?? null;
}
