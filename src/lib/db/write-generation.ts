/**
 * A counter this process bumps after every statement it runs that may write (anything but a plain
 * `SELECT`, so also COMMIT and ROLLBACK), on either engine: the revocation cache (`revocation-cache.ts`)
 * trusts an entry only while the counter is where it was when the entry's query started, so this
 * instance's own sign-outs, bumps and disables are seen by its next request without waiting for any feed.
 * On `globalThis`: Next.js builds several bundles (App Router, Pages Router, proxy) that share one database.
 */
const holder = globalThis as typeof globalThis & { __ironGateWriteGeneration?: { value: number } };
holder.__ironGateWriteGeneration ??= { value: 0 };
const state = holder.__ironGateWriteGeneration;

const READ_ONLY = /^\s*select\b/i;

/** True when `sql` cannot have written (a plain SELECT). Anything else counts as a write, to be safe. */
export function isReadOnlySql(sql: string): boolean {
  return READ_ONLY.test(sql);
}

/** Called by the dialects after every statement that is not read-only, whether it succeeded or not. */
export function noteStatement(sql: string): void {
  if (!isReadOnlySql(sql)) state.value++;
}

export function writeGeneration(): number {
  return state.value;
}
