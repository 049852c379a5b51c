import { randomBytes, timingSafeEqual } from "node:crypto";
import { log } from "@/lib/log/logger";
import { type Argon2Job, hashPool } from "./hash-pool";
import { type Argon2Params, type ParsedHash, parseHash, readHash } from "./password-hash-format";

export { type Argon2Params, parseHash } from "./password-hash-format";

/** OWASP's headline argon2id parameters (R35, decision 2): 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const VERSION = 19;

const b64 = (bytes: Buffer): string => bytes.toString("base64").replace(/=+$/, "");

function job(password: string, salt: Buffer, params: Argon2Params, tagLength: number): Argon2Job {
  const { memory, passes, parallelism } = params;
  return { message: password, nonce: salt, tagLength, memory, passes, parallelism };
}

/** Hashes a (normalised) password into `$argon2id$v=19$m=…,t=…,p=…$salt$tag`, off the request thread. */
export async function hashPassword(password: string, params: Argon2Params = ARGON2_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const { value: tag } = await hashPool().argon2(job(password, salt, params, TAG_LENGTH));
  return `$argon2id$v=${VERSION}$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(tag)}`;
}

/**
 * Constant-time check of a password against a PHC string (R37). A hash that is unreadable or asks for
 * more than ARGON2_BOUNDS never matches (fail closed, logged without the hash), but still costs one
 * hash with today's parameters, like every other path through sign-in (R43, decision 6).
 */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const reading = readHash(phc);
  if (!reading.ok) log.warn("password_hash_rejected", { reason: reading.reason });
  const target = reading.ok ? reading.hash : DUMMY;
  const { value: tag } = await hashPool().argon2(job(password, target.salt, target, target.tag.length));
  return reading.ok && timingSafeEqual(tag, reading.hash.tag);
}

/** True when the stored hash is weaker than today's parameters: rehash it on the next sign-in (R36). */
export function needsRehash(phc: string, params: Argon2Params = ARGON2_PARAMS): boolean {
  const parsed = parseHash(phc);
  if (!parsed) return true;
  return parsed.memory < params.memory || parsed.passes < params.passes || parsed.parallelism < params.parallelism;
}

/**
 * A well-formed hash of a password nobody knows, with today's parameters. Sign-in verifies against it
 * when the email is unknown, so both paths cost exactly one hash (R43, decision 6).
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$aXJvbi1nYXRlLWR1bW15$2o8Y3sW3mQ0Pq3m8cC1m3z8W1m4dJj2Yw0G0bH3m7Yc";

const DUMMY: ParsedHash = (() => {
  const parsed = parseHash(DUMMY_HASH);
  if (!parsed) throw new Error("DUMMY_HASH is not a valid argon2id PHC string");
  return parsed;
})();
