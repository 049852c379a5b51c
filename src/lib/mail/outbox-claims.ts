import type { Db } from "@/lib/db/database";
import { precompiled } from "@/lib/db/precompiled";
import { transaction } from "@/lib/db/transaction";

/** A message claimed for delivery: no other sender touches it until `claimedUntil`. */
export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
}

export interface ClaimOptions {
  limit: number;
  /** How long a claim holds: past it (the sender died mid-send) another sender may try again. */
  leaseMs: number;
}

/**
 * Claims up to `limit` due messages, oldest first, and marks them claimed in the same transaction. On
 * PostgreSQL `FOR UPDATE SKIP LOCKED`: two instances claiming at once get disjoint rows, neither waits. On
 * SQLite BEGIN IMMEDIATE holds the write lock for the whole claim (one writer), and the clause compiles to
 * nothing (sqlite-dialect.ts).
 */
export async function claimDueMail(db: Db, { limit, leaseMs }: ClaimOptions, now = Date.now()): Promise<ClaimedMail[]> {
  return transaction(db, async (trx) => {
    const due = await trx
      .selectFrom("mailOutbox")
      .select(["id", "recipient", "subject", "textBody", "htmlBody", "attempts"])
      .where("sentAt", "is", null)
      .where("failedAt", "is", null)
      .where("nextAttemptAt", "<=", now)
      .where("claimedUntil", "<=", now)
      .orderBy("nextAttemptAt")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable("mailOutbox")
      .set({ claimedUntil: now + leaseMs })
      .where(
        "id",
        "in",
        due.map((row) => row.id),
      )
      .execute();
    return due.map((row) => ({ ...row, attempts: Number(row.attempts) }));
  });
}

/** Hands claimed messages back at once (a sender stopping mid-batch). */
export async function releaseClaims(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("mailOutbox").set({ claimedUntil: 0 }).where("id", "in", ids).execute();
}

/**
 * Delivered. With `scrub` the bodies are emptied at once: a sent link still holds a live token, and the
 * outbox is no place to keep one (the dev outbox keeps them for /dev/mail).
 */
export async function markSent(db: Db, id: string, scrub: boolean, now = Date.now()): Promise<void> {
  await db
    .updateTable("mailOutbox")
    .set({
      sentAt: now,
      claimedUntil: 0,
      lastError: null,
      ...(scrub ? { textBody: "", htmlBody: "" } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** A failed attempt: try again at `retryAt`, or (null) give the message up and scrub it. */
export async function markFailed(
  db: Db,
  id: string,
  failure: { error: string; retryAt: number | null },
  now = Date.now(),
): Promise<void> {
  await db
    .updateTable("mailOutbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      claimedUntil: 0,
      lastError: failure.error,
      ...(failure.retryAt === null
        ? { failedAt: now, textBody: "", htmlBody: "" }
        : { nextAttemptAt: failure.retryAt }),
    }))
    .where("id", "=", id)
    .execute();
}

export interface OutboxHealth {
  /** Not delivered yet, not given up. */
  pending: number;
  /** Of those, the ones that failed at least once. */
  failing: number;
  /** Given up. */
  failed: number;
}

/** Compiled once (`precompiled.ts`): `GET /api/health` runs it on every call. */
const countUnsent = precompiled(
  (db: Db) =>
    db
      .selectFrom("mailOutbox")
      .select((eb) => [
        eb.fn.countAll<string | number>().filterWhere("failedAt", "is", null).as("pending"),
        eb.fn
          .countAll<string | number>()
          .filterWhere("failedAt", "is", null)
          .filterWhere("attempts", ">", 0)
          .as("failing"),
        eb.fn.countAll<string | number>().filterWhere("failedAt", "is not", null).as("failed"),
      ])
      .where("sentAt", "is", null),
  0,
);

/** Counts for `GET /api/health`. */
export async function outboxHealth(db: Db): Promise<OutboxHealth> {
  const [row] = await countUnsent(db);
  if (!row) throw new Error("outbox count returned no row");
  return { pending: Number(row.pending), failing: Number(row.failing), failed: Number(row.failed) };
}
