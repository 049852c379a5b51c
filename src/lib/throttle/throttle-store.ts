import type { Transaction } from "kysely";
import type { Db } from "@/lib/db/database";
import type { Database } from "@/lib/db/schema";
import { ipBucket } from "@/lib/http/request-context";
import { accountDelayMs, type ThrottlePolicy } from "./throttle-policy";

export type ThrottleVerdict = { ok: true } | { ok: false; scope: "ip" | "account"; retryAfterSeconds: number };

type Trx = Transaction<Database>;

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

async function readRow(trx: Trx, key: string) {
  return trx.selectFrom("throttles").selectAll().where("key", "=", key).executeTakeFirst();
}

async function writeRow(
  trx: Trx,
  row: { key: string; milliTokens: number; failures: number; blockedUntil: number; updatedAt: number },
): Promise<void> {
  await trx
    .insertInto("throttles")
    .values(row)
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({
        milliTokens: row.milliTokens,
        failures: row.failures,
        blockedUntil: row.blockedUntil,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Takes one token from the address's bucket, refilled continuously at `ipPerMinute`. */
async function takeIpToken(trx: Trx, ip: string, policy: ThrottlePolicy, now: number): Promise<ThrottleVerdict> {
  const key = `ip:${ip}`;
  const row = await readRow(trx, key);
  const capacity = policy.ipBurst * 1000;
  const perMs = policy.ipPerMinute / 60; // milli-tokens per millisecond
  const elapsed = row ? Math.max(0, now - Number(row.updatedAt)) : 0;
  const available = row ? Math.min(capacity, row.milliTokens + Math.floor(elapsed * perMs)) : capacity;
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
  const row = await readRow(trx, key);
  const blockedUntil = row ? Number(row.blockedUntil) : 0;
  if (blockedUntil > now) return { ok: false, scope: "account", retryAfterSeconds: seconds(blockedUntil - now) };
  const failures = (row?.failures ?? 0) + 1;
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
  const verdict = await db.transaction().execute(async (trx) => {
    const ip = await takeIpToken(trx, target.ip === null ? "unknown" : ipBucket(target.ip), policy, now);
    if (!ip.ok || target.account === undefined) return ip;
    return reserveAccountAttempt(trx, target.account, policy, now);
  });
  await purgeThrottles(db, policy, now);
  return verdict;
}

const PURGE_EVERY_MS = 3_600_000;
/** An account quiet this long starts again from zero consecutive failures. */
export const ACCOUNT_MEMORY_MS = 30 * 86_400_000;
const holder = globalThis as typeof globalThis & { __ironGateThrottlePurgedAt?: number };

/**
 * Drops rows that say nothing any more, at most once an hour: address buckets that have refilled
 * completely, and accounts with no attempt for 30 days whose wait is over.
 */
export async function purgeThrottles(db: Db, policy: ThrottlePolicy, now = Date.now()): Promise<void> {
  if (now - (holder.__ironGateThrottlePurgedAt ?? 0) < PURGE_EVERY_MS) return;
  holder.__ironGateThrottlePurgedAt = now;
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
      ]),
    )
    .execute();
}

/** A success forgets the account's failures (R39). */
export async function clearAccount(db: Db, account: string): Promise<void> {
  await db.deleteFrom("throttles").where("key", "=", `account:${account}`).execute();
}
