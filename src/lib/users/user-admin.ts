import { maskEmail } from "@/lib/audit/mask-email";
import type { Db } from "@/lib/db/database";
import { type Trx, transaction } from "@/lib/db/transaction";

/** The outcome of a change to who may administer the app, or whether an account exists at all. */
export type AccountChange = { ok: true } | { ok: false; reason: "not_found" | "last_admin" };

const done: AccountChange = { ok: true };
const notFound: AccountChange = { ok: false, reason: "not_found" };
const lastAdmin: AccountChange = { ok: false, reason: "last_admin" };

/**
 * Locks the target and every active admin (an admin who is not disabled), then says whether the target is the
 * only one. The lock is the race guard: on PostgreSQL a second transaction demoting another admin waits here,
 * then re-reads the rows and sees the first one gone, so two admins demoting each other leave one admin. On
 * SQLite the transaction already holds the write lock (BEGIN IMMEDIATE) and `forUpdate` compiles to nothing.
 */
async function lockTarget(trx: Trx, userId: string): Promise<{ email: string; lastActiveAdmin: boolean } | null> {
  const admins = await trx
    .selectFrom("users")
    .select("id")
    .where("isAdmin", "=", true)
    .where("disabledAt", "is", null)
    .orderBy("id")
    .forUpdate()
    .execute();
  const target = await trx.selectFrom("users").select("email").where("id", "=", userId).forUpdate().executeTakeFirst();
  if (!target) return null;
  return { email: target.email, lastActiveAdmin: admins.length === 1 && admins[0]?.id === userId };
}

/** Grants or revokes admin rights; revoking the last active admin's is refused (the app always keeps one). */
export async function setUserAdmin(db: Db, userId: string, isAdmin: boolean): Promise<AccountChange> {
  return transaction(db, async (trx) => {
    const target = await lockTarget(trx, userId);
    if (!target) return notFound;
    if (!isAdmin && target.lastActiveAdmin) return lastAdmin;
    await trx.updateTable("users").set({ isAdmin }).where("id", "=", userId).execute();
    return done;
  });
}

/**
 * Disables or enables an account. Disabling ends every session of the user at once (the `sessionVersion` bump,
 * R16) and is refused for the last active admin; a disabled user's sign-in fails like a wrong password.
 */
export async function setUserDisabled(
  db: Db,
  userId: string,
  disabled: boolean,
  now = Date.now(),
): Promise<AccountChange> {
  return transaction(db, async (trx) => {
    const target = await lockTarget(trx, userId);
    if (!target) return notFound;
    if (!disabled) {
      await trx.updateTable("users").set({ disabledAt: null }).where("id", "=", userId).execute();
      return done;
    }
    if (target.lastActiveAdmin) return lastAdmin;
    await trx
      .updateTable("users")
      .set((eb) => ({
        disabledAt: now,
        sessionVersion: eb("sessionVersion", "+", 1),
        keptSid: null,
        keptVersion: null,
      }))
      .where("id", "=", userId)
      .where("disabledAt", "is", null)
      .execute();
    return done;
  });
}

/**
 * Removes an account in one transaction: the user row and, through the foreign keys, every row that belongs to
 * it (ended and listed sessions, emailed links). Its audit events stay, without the user id and with only the
 * masked email (R45, R56). Every seal of the user dies with the row (R16). The last active admin is kept.
 */
export async function deleteUser(db: Db, userId: string): Promise<AccountChange> {
  return transaction(db, async (trx) => {
    const target = await lockTarget(trx, userId);
    if (!target) return notFound;
    if (target.lastActiveAdmin) return lastAdmin;
    await trx
      .updateTable("authEvents")
      .set({ userId: null, detail: `deleted account ${maskEmail(target.email)}` })
      .where("userId", "=", userId)
      .execute();
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    return done;
  });
}

/** Ends every session of the user at once (the `sessionVersion` bump, R16), the account untouched. */
export async function signOutUser(db: Db, userId: string): Promise<AccountChange> {
  const result = await db
    .updateTable("users")
    .set((eb) => ({ sessionVersion: eb("sessionVersion", "+", 1), keptSid: null, keptVersion: null }))
    .where("id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? done : notFound;
}
