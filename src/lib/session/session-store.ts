import type { Db } from "@/lib/db/database";
import { isForeignKeyViolation } from "@/lib/db/errors";

/**
 * Records that a session was signed out, so a copy of its cookie is refused until the seal would have
 * expired anyway (R15, decision 5), and drops its device row. Idempotent.
 */
export async function recordEndedSession(db: Db, sid: string, userId: string, expiresAt: number): Promise<void> {
  // The device leaves the list with it (issue 11 §1); first, since a failed insert below may end a transaction.
  await db.deleteFrom("userSessions").where("sid", "=", sid).where("userId", "=", userId).execute();
  // Insert-select: nothing to record (and no foreign-key error) when the user is already gone. On PostgreSQL
  // a removal committed between the select and the foreign-key check still fails that check: the user's
  // sessions ended with the user (R16), so there is nothing to record then either.
  await db
    .insertInto("endedSessions")
    .columns(["sid", "userId", "expiresAt"])
    .expression((eb) =>
      eb
        .selectFrom("users")
        .select([eb.val(sid).as("sid"), "id", eb.val(expiresAt).as("expiresAt")])
        .where("id", "=", userId),
    )
    .onConflict((conflict) => conflict.column("sid").doNothing())
    .execute()
    .catch((error: unknown) => {
      if (!isForeignKeyViolation(error)) throw error;
    });
}

/** Drops the records of sessions whose seals have expired: they can never be presented again. */
export async function purgeEndedSessions(db: Db, now = Date.now()): Promise<number> {
  const result = await db.deleteFrom("endedSessions").where("expiresAt", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Ends every session of a user at once: seals carry the `sessionVersion` they were made with, and only the
 * current one is accepted (R15-R17). Returns the new version.
 */
export async function bumpSessionVersion(db: Db, userId: string): Promise<number> {
  const row = await db
    .updateTable("users")
    .set((eb) => ({ sessionVersion: eb("sessionVersion", "+", 1) }))
    .where("id", "=", userId)
    .returning("sessionVersion")
    .executeTakeFirstOrThrow();
  return row.sessionVersion;
}

/**
 * Remembers that `sid` was kept through the bump to `version` ("sign out everywhere else", a password
 * change), so an in-flight re-seal of it with the previous version is not mistaken for another session.
 * Nothing happens when the version has moved on meanwhile.
 */
export async function recordKeptSession(db: Db, userId: string, sid: string, version: number): Promise<void> {
  await db
    .updateTable("users")
    .set({ keptSid: sid, keptVersion: version })
    .where("id", "=", userId)
    .where("sessionVersion", "=", version)
    .execute();
}
