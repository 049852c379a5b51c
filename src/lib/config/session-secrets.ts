/** iron-session's password map: every id unseals, the highest id seals (R20). */
export interface SessionSecrets {
  passwords: Record<string, string>;
  currentId: string;
}

export const MIN_SECRET_LENGTH = 32;

/**
 * `SESSION_SECRETS="3:<newest>,2:<older>"`, or `SESSION_SECRET` alone, which is id 1 (so that moving from
 * one secret to a list never signs anyone out). Returns the problem as a string when unusable.
 */
export function parseSessionSecrets(list: string | undefined, single: string | undefined): SessionSecrets | string {
  if (list === undefined || list.trim() === "") {
    if (single === undefined || single === "") {
      return "SESSION_SECRET is missing: set it to a random string of at least 32 characters (npm run secret)";
    }
    if (single.length < MIN_SECRET_LENGTH) return "SESSION_SECRET must be at least 32 characters long";
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
    if (secret.length < MIN_SECRET_LENGTH) return `SESSION_SECRETS id ${id} must be at least 32 characters long`;
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
