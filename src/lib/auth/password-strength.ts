import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { normalizePassword, passwordLengthProblem } from "./password-rules";

/** zxcvbn scores 0..4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_STRENGTH_SCORE = 3;

/**
 * Guessability is estimated on the first 128 characters. zxcvbn's matching grows fast with length and runs
 * on the request thread (a 1 KB password took over a second); past 128 characters a password is long
 * enough that its head alone decides whether it is a known phrase.
 */
export const STRENGTH_CHECKED_CHARS = 128;

export type PasswordVerdict =
  | { ok: true; score: number }
  | { ok: false; score: number; reason: string; suggestions: string[] };

export interface PasswordContext {
  email?: string | undefined;
  name?: string | null | undefined;
  appName: string;
}

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: STRENGTH_CHECKED_CHARS,
    // Look-alike substitutions are what makes matching expensive (128 look-alike characters took 0.5 s).
    l33tMaxSubstitutions: 10,
  });
  return factory;
}

/**
 * Words an attacker would try first for this user: the email whole and in pieces, its local part and
 * domain run together without separators or top-level domain, the name, the app's name.
 */
export function contextWords({ email, name, appName }: PasswordContext): string[] {
  const address = (email ?? "").toLowerCase();
  const [local = "", domain = ""] = address.split("@");
  const domainName = domain.split(".").slice(0, -1).join(".");
  const squash = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, "");
  const words = [
    appName,
    squash(appName),
    ...appName.split(/\s+/),
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
 * The whole new-password policy (decision 2): length, then guessability with zxcvbn-ts against the
 * common-password and English dictionaries and the user's own context words. Runs in the browser too,
 * for live feedback, and again on the server, which decides.
 */
export function checkPasswordStrength(password: string, context: PasswordContext): PasswordVerdict {
  const lengthProblem = passwordLengthProblem(password);
  if (lengthProblem) return { ok: false, score: 0, reason: lengthProblem, suggestions: [] };
  const head = [...normalizePassword(password)].slice(0, STRENGTH_CHECKED_CHARS).join("");
  const result = zxcvbn().check(head, contextWords(context));
  if (result.score >= MIN_STRENGTH_SCORE) return { ok: true, score: result.score };
  return {
    ok: false,
    score: result.score,
    reason: result.feedback.warning ?? "This password would be easy to guess.",
    suggestions: result.feedback.suggestions,
  };
}
