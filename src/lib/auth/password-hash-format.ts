import { z } from "zod";

export interface Argon2Params {
  memory: number;
  passes: number;
  parallelism: number;
}

export interface ParsedHash extends Argon2Params {
  salt: Buffer;
  tag: Buffer;
}

/**
 * The most a stored hash may ask for. `m=4194304,t=1000` (written by anyone with database access, or a bad
 * import) took 4.8 GB and minutes, jammed a worker and, since native code cannot be interrupted, kept the
 * process from exiting. `work` caps memory × passes (KiB): 1 GiB filled, 27 times today's parameters,
 * about 1 s on an idle core (256 MiB × 10 passes took 11 s on a busy one, which is why t alone is not enough).
 */
export const ARGON2_BOUNDS = {
  memory: { min: 8, max: 262_144 },
  passes: { min: 1, max: 10 },
  parallelism: { min: 1, max: 8 },
  work: { max: 1_048_576 },
  saltBytes: { min: 8, max: 64 },
  tagBytes: { min: 16, max: 64 },
} as const;

export type HashReading = { ok: true; hash: ParsedHash } | { ok: false; reason: "unreadable" | "out_of_bounds" };

// Only the exact shape this app writes: argon2id, version 19, parameters in m,t,p order, unpadded
// standard base64. A strict anchored pattern is the whole PHC subset we accept, so no general PHC
// parser is needed (the one on npm, @phc/format, is unmaintained); digit and length caps keep every
// number exact before zod checks the bounds.
const PHC = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$([A-Za-z0-9+/]{11,86})\$([A-Za-z0-9+/]{22,86})$/;

const between = (range: { min: number; max: number }) => z.number().int().min(range.min).max(range.max);
const bytes = (range: { min: number; max: number }) =>
  z.instanceof(Buffer).refine((value) => value.length >= range.min && value.length <= range.max);

const BoundedHash = z
  .object({
    memory: between(ARGON2_BOUNDS.memory),
    passes: between(ARGON2_BOUNDS.passes),
    parallelism: between(ARGON2_BOUNDS.parallelism),
    salt: bytes(ARGON2_BOUNDS.saltBytes),
    tag: bytes(ARGON2_BOUNDS.tagBytes),
  })
  // argon2 itself needs at least 8 KiB per lane.
  .refine((hash) => hash.memory >= 8 * hash.parallelism)
  .refine((hash) => hash.memory * hash.passes <= ARGON2_BOUNDS.work.max);

/** Reads an argon2id PHC string, and says why one cannot be used. */
export function readHash(phc: string): HashReading {
  const match = PHC.exec(phc);
  if (!match) return { ok: false, reason: "unreadable" };
  const [, m, t, p, salt = "", tag = ""] = match;
  const parsed = BoundedHash.safeParse({
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    salt: Buffer.from(salt, "base64"),
    tag: Buffer.from(tag, "base64"),
  });
  return parsed.success ? { ok: true, hash: parsed.data } : { ok: false, reason: "out_of_bounds" };
}

/** A usable argon2id PHC string, or null for anything unreadable or out of bounds. */
export function parseHash(phc: string): ParsedHash | null {
  const reading = readHash(phc);
  return reading.ok ? reading.hash : null;
}
