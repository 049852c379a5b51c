/** What the pool's workers compute, and what they answer (the worker is hash-worker-source.ts). */

export interface Argon2Job {
  message: string;
  nonce: Buffer;
  memory: number;
  passes: number;
  parallelism: number;
  tagLength: number;
}

/** zxcvbn options that are not dictionaries: the browser's meter and the workers use the same ones. */
export interface StrengthTuning {
  maxLength: number;
  l33tMaxSubstitutions: number;
}

/** Several spellings of one password, each estimated against the same context words. */
export interface StrengthJob {
  candidates: string[];
  words: string[];
  tuning: StrengthTuning;
}

/** zxcvbn's answer for one candidate. */
export interface StrengthEstimate {
  guessesLog10: number;
  score: number;
  warning: string | null;
  suggestions: string[];
}

export type PoolJob = { kind: "argon2"; argon2: Argon2Job } | { kind: "strength"; strength: StrengthJob };

export type WorkerReply =
  | { id: number; ok: true; kind: "argon2"; threadId: number; tag: Uint8Array }
  | { id: number; ok: true; kind: "strength"; threadId: number; estimates: StrengthEstimate[] }
  | { id: number; ok: false; error: string };

/** A result with the thread that computed it (never 0, the main thread's id). */
export interface Computed<T> {
  value: T;
  threadId: number;
}
