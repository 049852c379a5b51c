import type { Db } from "@/lib/db/database";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { purgeDue } from "@/lib/db/purge-schedule";
import { type Trx, transaction } from "@/lib/db/transaction";
import { ipBucket } from "@/lib/http/request-context";
import { accountDelayMs, type ThrottlePolicy } from "./throttle-policy";

export type ThrottleVerdict = { ok: true } | { ok: false; scope: "ip" | "account"; retryAfterSeconds: number };

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export type ThrottleRow = {
  key: string;
  milliTokens: number;
  failures: number;
  blockedUntil: number;
  updatedAt: number;
};

/**
 * The row for `key`, locked until the transaction ends: another attempt on the same key waits here, then
 * reads what this one wrote (READ COMMITTED re-reads a row it waited for). A row that does not exist cannot
 * be locked, so a missing one is first created as `initial`. On SQLite, BEGIN IMMEDIATE already serialises
 * the whole transaction and `forUpdate` compiles to nothing (sqlite-dialect.ts).
 */
export async function lockRow(trx: Trx, initial: ThrottleRow): Promise<ThrottleRow> {
  // A success (clearAccount) or the purge may delete the row between the two statements: then again.
  for (let attempt = 1; ; attempt++) {
    await trx
      .insertInto("throttles")
      .values(initial)
      .onConflict((conflict) => conflict.column("key").doNothing())
      .execute();
    const row = await trx
      .selectFrom("throttles")
      .selectAll()
      .where("key", "=", initial.key)
      .forUpdate()
      .executeTakeFirst();
    if (row) return { ...row, blockedUntil: Number(row.blockedUntil), updatedAt: Number(row.updatedAt) };
    if (attempt === 3) throw new DatabaseUnavailableError(`throttle row ${initial.key} keeps vanishing`);
  }
}

export async function writeRow(trx: Trx, { key, ...row }: ThrottleRow): Promise<void> {
  await trx.updateTable("throttles").set(row).where("key", "=", key).execute();
}

/** Takes one token from the address's bucket, refilled continuously at `ipPerMinute`. */
async function takeIpToken(trx: Trx, ip: string, policy: ThrottlePolicy, now: number): Promise<ThrottleVerdict> {
  const key = `ip:${ip}`;
  const capacity = policy.ipBurst * 1000;
  const row = await lockRow(trx, { key, milliTokens: capacity, failures: 0, blockedUntil: 0, updatedAt: now });
  const perMs = policy.ipPerMinute / 60; // milli-tokens per millisecond
  const elapsed = Math.max(0, now - row.updatedAt);
  const available = Math.min(capacity, row.milliTokens + Math.floor(elapsed * perMs));
  if (available < 1000) return { ok: false, scope: "ip", retryAfterSeconds: seconds((1000 - available) / perMs) };
  await writeRow(trx, { key, milliTokens: available - 1000, failures: 0, blockedUntil: 0, updatedAt: now });
  return { ok: true };
}

/**
 * Reserves one attempt on an account, counted as a failure until `clearAccount` says otherwise. Counting
 * up front makes the reservation atomic: of two attempts racing for the last free slot, one waits.
 */
async function reserveAccountAttempt(
  trx: Trx,
  account: string,
  policy: ThrottlePolicy,
  now: number,
): Promise<ThrottleVerdict> {
  const key = `account:${account}`;
  const row = await lockRow(trx, { key, milliTokens: 0, failures: 0, blockedUntil: 0, updatedAt: now });
  const blockedUntil = row.blockedUntil;
  if (blockedUntil > now) return { ok: false, scope: "account", retryAfterSeconds: seconds(blockedUntil - now) };
  const failures = row.failures + 1;
  const delay = accountDelayMs(failures, policy);
  await writeRow(trx, { key, milliTokens: 0, failures, blockedUntil: delay > 0 ? now + delay : 0, updatedAt: now });
  return { ok: true };
}

/**
 * One atomic decision for an attempt (decision 7): the client's address bucket first (an address we could not
 * determine shares one bucket: fail closed), then, when an account is named, its backoff. Keyed by the
 * normalised email, so an unknown email is throttled exactly like a known one (no enumeration).
 */
export async function admitAttempt(
  db: Db,
  target: { ip: string | null; account?: string },
  policy: ThrottlePolicy,
  now = Date.now(),
): Promise<ThrottleVerdict> {
  const verdict = await transaction(db, async (trx) => {
    const ip = await takeIpToken(trx, target.ip === null ? "unknown" : ipBucket(target.ip), policy, now);
    if (!ip.ok || target.account === undefined) return ip;
    return reserveAccountAttempt(trx, target.account, policy, now);
  });
  await purgeThrottles(db, policy, now);
  return verdict;
}

/** An account quiet this long starts again from zero consecutive failures. */
export const ACCOUNT_MEMORY_MS = 30 * 86_400_000;

/**
 * Drops rows that say nothing any more, at most once an hour: address buckets that have refilled
 * completely, and accounts with no attempt for 30 days whose wait is over.
 */
export async function purgeThrottles(db: Db, policy: ThrottlePolicy, now = Date.now()): Promise<void> {
  if (!purgeDue("throttles", now)) return;
  const refilledAfterMs = Math.ceil((policy.ipBurst * 60_000) / policy.ipPerMinute);
  await db
    .deleteFrom("throttles")
    .where((eb) =>
      eb.or([
        eb.and([eb("key", "like", "ip:%"), eb("updatedAt", "<", now - refilledAfterMs)]),
        eb.and([
          eb("key", "like", "account:%"),
          eb("updatedAt", "<", now - ACCOUNT_MEMORY_MS),
          eb("blockedUntil", "<", now),
        ]),
        // Mail budgets (mail-throttle.ts) refill within an hour.
        eb.and([eb("key", "like", "mail:%"), eb("updatedAt", "<", now - 86_400_000)]),
      ]),
    )
    .execute();
}

/** A success forgets the account's failures (R39). */
export async function clearAccount(db: Db, account: string): Promise<void> {
  await db.deleteFrom("throttles").where("key", "=", `account:${account}`).execute();
}
