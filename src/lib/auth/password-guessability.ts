import type { StrengthEstimate, StrengthTuning } from "./hash-pool-jobs";
import { normalizePassword, passwordLengthProblem } from "./password-rules";

/**
 * A password must take at least 10^13 guesses by zxcvbn's estimate. zxcvbn's own top score (10^10) let
 * `IronGateIronGate1` and `Password123456789!` through: its model adds a flat 10^4 per extra piece, so any
 * three known pieces reach 10^8 however obvious they are together. 10^13 refuses four very common words run
 * together (`correcthorsebatterystaple`, 10^12.8); about one random four-word diceware phrase in twenty
 * falls under it too (the meter then asks for another word), five words never did in our samples.
 */
export const MIN_GUESSES_LOG10 = 13;

/**
 * Guessability is estimated on the first 128 characters: zxcvbn's matching grows fast with length; past
 * 128 characters a password is long enough that its head alone decides whether it is a known phrase.
 */
export const STRENGTH_CHECKED_CHARS = 128;

/** Look-alike substitutions are what makes matching expensive (128 look-alike characters took 0.5 s). */
export const STRENGTH_TUNING: StrengthTuning = { maxLength: STRENGTH_CHECKED_CHARS, l33tMaxSubstitutions: 10 };

export type PasswordVerdict =
  | { ok: true; score: number }
  | { ok: false; score: number; reason: string; suggestions: string[] };

export interface PasswordContext {
  email?: string | undefined;
  name?: string | null | undefined;
  appName: string;
}

/** What to estimate: the spellings an attacker tries, against the user's context words. */
export type StrengthQuestion =
  | { ok: false; verdict: PasswordVerdict }
  | { ok: true; candidates: string[]; words: string[] };

const squash = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Words an attacker would try first for this user: the app's name whole, run together and in parts, the
 * email whole and in pieces, its local part and domain run together without separators or top-level
 * domain, the name.
 */
export function contextWords({ email, name, appName }: PasswordContext): string[] {
  const address = (email ?? "").toLowerCase();
  const [local = "", domain = ""] = address.split("@");
  const domainName = domain.split(".").slice(0, -1).join(".");
  const words = [
    appName,
    squash(appName),
    ...appName.split(/[^\p{L}\p{N}]+/u),
    address,
    local,
    squash(local),
    ...local.split(/[.+_-]/),
    domain,
    domainName,
    ...domain.split("."),
    `${local}@${domainName}`,
    squash(`${local}${domainName}`),
    name ?? "",
    squash(name ?? ""),
    ...(name ?? "").split(/\s+/),
  ];
  return [...new Set(words.map((word) => word.trim().toLowerCase()).filter((word) => word.length >= 3))];
}

/**
 * The spelling judged: the password without its word separators (spaces, hyphens, underscores, dots) and
 * in lower case. Separators and capitals cost an attacker almost nothing (one of a handful, used
 * throughout; a capital on every word), but zxcvbn counts each separator as a new piece and each capital
 * as a variation: `correct horse battery staple` scored 10^19.7, run together 10^12.8. Removing them
 * never raises an estimate, so one zxcvbn run (the costly part) judges every spacing and casing.
 */
export function strengthQuestion(password: string, context: PasswordContext): StrengthQuestion {
  const lengthProblem = passwordLengthProblem(password);
  if (lengthProblem) return { ok: false, verdict: { ok: false, score: 0, reason: lengthProblem, suggestions: [] } };
  const head = [...normalizePassword(password)].slice(0, STRENGTH_CHECKED_CHARS).join("");
  const plain = head.replace(/[\s._-]+/gu, "").toLowerCase();
  return { ok: true, candidates: [plain.length > 0 ? plain : head], words: contextWords(context) };
}

/** The verdict from the weakest spelling (an attacker needs only one to hit). */
export function strengthVerdict(estimates: StrengthEstimate[]): PasswordVerdict {
  const weakest = estimates.reduce((a, b) => (b.guessesLog10 < a.guessesLog10 ? b : a));
  if (weakest.guessesLog10 >= MIN_GUESSES_LOG10) return { ok: true, score: weakest.guessesLog10 >= 16 ? 4 : 3 };
  return {
    ok: false,
    score: Math.min(weakest.score, 2),
    reason: weakest.warning ?? "This password would be easy to guess.",
    suggestions: weakest.suggestions.length > 0 ? weakest.suggestions : [ANOTHER_WORD],
  };
}

const ANOTHER_WORD = "Add another word or two. Uncommon words are better.";
