import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import type { StrengthEstimate } from "./hash-pool-jobs";
import {
  type PasswordContext,
  type PasswordVerdict,
  STRENGTH_TUNING,
  strengthQuestion,
  strengthVerdict,
} from "./password-guessability";

export type { PasswordContext, PasswordVerdict } from "./password-guessability";

let factory: ZxcvbnFactory | undefined;

// The same packages and tuning as the server's workers (hash-worker-source.ts).
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    ...STRENGTH_TUNING,
  });
  return factory;
}

function estimate(candidate: string, words: string[]): StrengthEstimate {
  const result = zxcvbn().check(candidate, words);
  const { warning, suggestions } = result.feedback;
  return { guessesLog10: result.guessesLog10, score: result.score, warning, suggestions };
}

/**
 * The new-password policy (decision 2) computed in this thread: the browser's live meter and the CLI.
 * The server decides with `judgePassword` (same policy, run in a worker thread).
 */
export function checkPasswordStrength(password: string, context: PasswordContext): PasswordVerdict {
  const question = strengthQuestion(password, context);
  if (!question.ok) return question.verdict;
  return strengthVerdict(question.candidates.map((candidate) => estimate(candidate, question.words)));
}
