import type { SessionData, SessionLimits } from "./session-data";
import { refreshInterval } from "./session-data";

/** A cookie the proxy re-sealed, and what it re-sealed it to. */
export interface Resealed {
  seal: string;
  data: SessionData;
}

interface Entry extends Resealed {
  until: number;
}

/**
 * How long the proxy answers the same old cookie with the seal it already made for it: half the refresh
 * interval, so the slide a browser keeps is never more than one and a half intervals behind its activity.
 */
export function resealReuseMs(limits: SessionLimits): number {
  return Math.floor(refreshInterval(limits) / 2);
}

/**
 * The proxy's memory of its recent re-seals, keyed by the old seal (issue 14). A client that does not keep
 * the refreshed cookie (a script, several requests already in flight with the old one) would otherwise cost a
 * new seal on every request, and each new seal a full unseal in the page's own check. The answer is the same
 * seal the first such request got: a seal made from the same old cookie, only at most `resealReuseMs` earlier.
 * It decides nothing: every page and route still checks that seal itself. Bounded: oldest entries go first.
 */
export class ResealMemo {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000) {}

  get(oldSeal: string, now: number): Resealed | null {
    const entry = this.#entries.get(oldSeal);
    if (!entry) return null;
    if (now >= entry.until) {
      this.#entries.delete(oldSeal);
      return null;
    }
    return { seal: entry.seal, data: entry.data };
  }

  set(oldSeal: string, resealed: Resealed, until: number): void {
    this.#entries.delete(oldSeal);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(oldSeal, { ...resealed, until });
  }

  get size(): number {
    return this.#entries.size;
  }
}
