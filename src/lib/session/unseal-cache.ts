import { type UnsealErrorReason, unsealData } from "iron-session";

/** iron-webcrypto accepts a seal up to this long after its expiration (clock skew). */
const SKEW_MS = 60_000;
const MAX_ENTRIES = 10_000;
/** Our seals are a few hundred bytes; anything much longer is refused before any crypto. */
export const MAX_SEAL_LENGTH = 2048;

interface Entry {
  data: Record<string, unknown>;
  /** The seal's own expiration (ms), read from the seal after its MAC was verified. */
  expiresAt: number;
}

const holder = globalThis as typeof globalThis & { __ironGateUnsealCache?: Map<string, Entry> };
holder.__ironGateUnsealCache ??= new Map();
const cache = holder.__ironGateUnsealCache;

/** `Fe26.2*id*salt*iv*data*expiration*hmacSalt*hmac[~2]`: the expiration field, in ms; 0 when absent. */
function sealExpiry(seal: string): number {
  const expiration = Number(seal.split("~")[0]?.split("*")[5]);
  return Number.isFinite(expiration) && expiration > 0 ? expiration : 0;
}

/**
 * What identifies a seal: iron-session ignores everything after the first `~` (an unauthenticated version
 * marker), so does the key, or one valid seal with endless suffixes would fill a cache.
 */
export function sealKey(seal: string): string {
  return seal.split("~")[0] ?? seal;
}

function remember(key: string, data: Record<string, unknown>, seal: string): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { data: Object.freeze(data), expiresAt: sealExpiry(seal) });
}

/**
 * A seal this server has just made, with the data it sealed: the next unseal of it is a cache hit. Only for
 * seals fresh from `sealData` with our own secret (the proxy's re-seal), never for one a client sent.
 */
export function rememberOwnSeal(seal: string, data: object): void {
  // What unsealing it would give: the sealed JSON, read back.
  remember(sealKey(seal), JSON.parse(JSON.stringify(data)) as Record<string, unknown>, seal);
}

/**
 * Unseals a session cookie, remembering the result for the life of the seal. Unsealing costs about half of
 * a protected request (two PBKDF2 derivations, AES and HMAC: anchors.md); the same cookie arrives on every
 * request of a session, and a given seal string always opens to the same data, so only the first costs that.
 * Only seals that verified are cached, keyed by the whole seal, and each hit re-checks the seal's own
 * expiry; the session layer checks its own, stricter limits on every read. Bounded: oldest entries go first.
 */
export async function unsealCached(
  seal: string,
  password: Record<string, string>,
  onUnsealError: (reason: UnsealErrorReason) => void,
  now = Date.now(),
): Promise<Record<string, unknown>> {
  if (seal.length > MAX_SEAL_LENGTH) {
    onUnsealError("invalid");
    return {};
  }
  const key = sealKey(seal);
  const hit = cache.get(key);
  if (hit && (hit.expiresAt === 0 || now <= hit.expiresAt + SKEW_MS)) return hit.data;
  if (hit) cache.delete(key);
  let failed = false;
  const data = await unsealData<Record<string, unknown>>(seal, {
    password,
    onUnsealError: (reason) => {
      failed = true;
      onUnsealError(reason);
    },
  });
  if (!failed && Object.keys(data).length > 0) remember(key, data, seal);
  return data;
}
