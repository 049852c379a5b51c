/**
 * A per-instance cache of what the session check reads (issue 14 §2: no database round trip per request to
 * know a session is not revoked), that never fails open. An entry is trusted only while the engine's feed
 * says nothing it covers can have changed since the entry's query *started*:
 *
 * - the feed's `token()` is a string that changes whenever that can no longer be promised (PostgreSQL: the
 *   listener's epoch and the local write generation; SQLite: `PRAGMA data_version` and the local write
 *   generation), or `null` while it cannot promise anything (listener down or catching up): then every
 *   check queries and nothing is stored;
 * - a user's entries are dropped when the feed hears of a change to that user (`dropUser`), and a fill whose
 *   query started before any drop is discarded (the notification may have overtaken the query's answer);
 * - every entry expires after `ttlMs` anyway, a backstop.
 *
 * Pure: no clock, no database; `session-lookup.ts` is the adapter.
 */
export interface RevocationFeed {
  /** What the cache's entries must have been filled under to be used now; null: do not cache at all. */
  token(): string | null;
  close(): Promise<void>;
}

/** Taken before the query, handed back with its answer to `fill`. */
export interface FillStamp {
  token: string | null;
  drops: number;
}

interface Entry<V> {
  value: V;
  token: string;
  userId: string;
  expiresAt: number;
}

export const DEFAULT_TTL_MS = 5_000;
export const DEFAULT_MAX_ENTRIES = 10_000;

export class RevocationCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #byUser = new Map<string, Set<string>>();
  #drops = 0;

  constructor(
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** The cached answer for this session, only if filled under `token` (non-null) and not expired. */
  get(userId: string, sid: string, token: string | null, now: number): V | undefined {
    if (token === null) return undefined;
    const key = keyOf(userId, sid);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.token !== token || now >= entry.expiresAt) {
      this.#remove(key, entry.userId);
      return undefined;
    }
    return entry.value;
  }

  /** Call before the query whose answer may be stored. */
  stamp(token: string | null): FillStamp {
    return { token, drops: this.#drops };
  }

  /** Stores the answer unless the feed was not current, or a drop happened while the query ran. */
  fill(userId: string, sid: string, value: V, stamp: FillStamp, now: number): boolean {
    if (stamp.token === null || stamp.drops !== this.#drops) return false;
    const key = keyOf(userId, sid);
    this.#remove(key, userId);
    if (this.#entries.size >= this.maxEntries) this.#evictOldest();
    this.#entries.set(key, { value, token: stamp.token, userId, expiresAt: now + this.ttlMs });
    const keys = this.#byUser.get(userId) ?? new Set<string>();
    keys.add(key);
    this.#byUser.set(userId, keys);
    return true;
  }

  /** The feed heard that this user's row or one of their sessions changed. */
  dropUser(userId: string): void {
    this.#drops++;
    for (const key of this.#byUser.get(userId) ?? []) this.#entries.delete(key);
    this.#byUser.delete(userId);
  }

  /** Everything goes (a reconnect's catch-up, a change the feed cannot attribute). */
  clear(): void {
    this.#drops++;
    this.#entries.clear();
    this.#byUser.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #remove(key: string, userId: string): void {
    if (!this.#entries.delete(key)) return;
    const keys = this.#byUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byUser.delete(userId);
  }

  #evictOldest(): void {
    const oldest = this.#entries.keys().next();
    if (oldest.done) return;
    const entry = this.#entries.get(oldest.value);
    if (entry) this.#remove(oldest.value, entry.userId);
  }
}

/** Length-prefixed, so no pair of strings can stand for another. */
const keyOf = (userId: string, sid: string): string => `${userId.length}:${userId}${sid}`;
