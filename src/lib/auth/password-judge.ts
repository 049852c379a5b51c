import { hashPool } from "./hash-pool";
import {
  type PasswordContext,
  type PasswordVerdict,
  STRENGTH_TUNING,
  strengthQuestion,
  strengthVerdict,
} from "./password-guessability";

/**
 * The server's verdict on a new password: the same policy as the browser's meter, with zxcvbn run in the
 * hashing workers. Crafted 128-character passwords take zxcvbn 100 ms and more; on the event loop that
 * stalled every other request (a full pool is a 503, like hashing).
 */
export async function judgePassword(password: string, context: PasswordContext): Promise<PasswordVerdict> {
  const question = strengthQuestion(password, context);
  if (!question.ok) return question.verdict;
  const { candidates, words } = question;
  const { value } = await hashPool().strength({ candidates, words, tuning: STRENGTH_TUNING });
  return strengthVerdict(value);
}
