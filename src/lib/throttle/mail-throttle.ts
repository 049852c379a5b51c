import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/database";
import { type Trx, transaction } from "@/lib/db/transaction";
import { ipBucket } from "@/lib/http/request-context";
import { lockRow, writeRow } from "./throttle-store";

export interface MailBudget {
  /** Messages per hour (and at once) for one client address, and for one email address. */
  perIpPerHour: number;
  perEmailPerHour: number;
}

export function mailBudget(): MailBudget {
  const e = env();
  return { perIpPerHour: e.THROTTLE_MAIL_IP_PER_HOUR, perEmailPerHour: e.THROTTLE_MAIL_EMAIL_PER_HOUR };
}

const HOUR_MS = 3_600_000;

/** One token from a bucket of `perHour`, refilled continuously (the same rows as throttle-store.ts). */
async function takeToken(trx: Trx, key: string, perHour: number, now: number): Promise<boolean> {
  const capacity = perHour * 1000;
  const row = await lockRow(trx, { key, milliTokens: capacity, failures: 0, blockedUntil: 0, updatedAt: now });
  const elapsed = Math.max(0, now - row.updatedAt);
  const available = Math.min(capacity, row.milliTokens + Math.floor((elapsed * capacity) / HOUR_MS));
  if (available < 1000) return false;
  await writeRow(trx, { key, milliTokens: available - 1000, failures: 0, blockedUntil: 0, updatedAt: now });
  return true;
}

/**
 * May one more emailed link (`kind`: "reset", "verify") go to `email` for a request from `ip`? Keyed by the
 * address as typed (normalised), whether or not an account has it, so the answer reveals nothing; the caller
 * answers the same either way. The client's bucket first: a refused client spends nothing of the email's.
 */
export async function admitMail(
  db: Db,
  target: { kind: string; ip: string | null; email: string },
  budget: MailBudget,
  now = Date.now(),
): Promise<boolean> {
  return transaction(db, async (trx) => {
    const ip = target.ip === null ? "unknown" : ipBucket(target.ip);
    if (!(await takeToken(trx, `mail:${target.kind}:ip:${ip}`, budget.perIpPerHour, now))) return false;
    return takeToken(trx, `mail:${target.kind}:email:${target.email}`, budget.perEmailPerHour, now);
  });
}
