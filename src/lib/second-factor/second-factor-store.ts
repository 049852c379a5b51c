import type { Db } from "@/lib/db/database";

export interface TotpCredential {
  secretSealed: string;
  enabled: boolean;
  lastUsedStep: number | null;
}

export async function findTotp(db: Db, userId: string): Promise<TotpCredential | null> {
  const row = await db
    .selectFrom("totpCredentials")
    .select(["secretSealed", "enabledAt", "lastUsedStep"])
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  const lastUsedStep = row.lastUsedStep === null ? null : Number(row.lastUsedStep);
  return { secretSealed: row.secretSealed, enabled: row.enabledAt !== null, lastUsedStep };
}

/** Whether the user signs in with a second factor: an enabled authenticator app. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  return (await findTotp(db, userId))?.enabled === true;
}

/** Starts (or restarts) an enrolment; refused (false) while an enabled one exists: disable it first. */
export async function startTotpEnrolment(db: Db, userId: string, secretSealed: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto("totpCredentials")
    .values({ userId, secretSealed, createdAt: now, enabledAt: null, lastUsedStep: null })
    .onConflict((conflict) =>
      conflict
        .column("userId")
        .doUpdateSet({ secretSealed, createdAt: now, lastUsedStep: null })
        .where("totpCredentials.enabledAt", "is", null),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * Records that the code of `step` was accepted, only if no code of this step or a later one was: of two
 * requests racing with the same code, one wins (the conditional update is the arbiter). `enable` also
 * completes an enrolment. False when another request got there first.
 */
export async function useTotpStep(
  db: Db,
  userId: string,
  step: number,
  options: { enable: boolean; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable("totpCredentials")
    .set(options.enable ? { lastUsedStep: step, enabledAt: options.now } : { lastUsedStep: step })
    .where("userId", "=", userId)
    .where("enabledAt", options.enable ? "is" : "is not", null)
    .where((eb) => eb.or([eb("lastUsedStep", "is", null), eb("lastUsedStep", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Re-seals the secret (with the current session secret). */
export async function resealTotp(db: Db, userId: string, secretSealed: string): Promise<void> {
  await db.updateTable("totpCredentials").set({ secretSealed }).where("userId", "=", userId).execute();
}

/** Removes the authenticator app and every recovery code. True when there was an enabled one. */
export async function removeSecondFactor(db: Db, userId: string): Promise<boolean> {
  const removed = await db
    .deleteFrom("totpCredentials")
    .where("userId", "=", userId)
    .where("enabledAt", "is not", null)
    .executeTakeFirst();
  await db.deleteFrom("recoveryCodes").where("userId", "=", userId).execute();
  return Number(removed.numDeletedRows) === 1;
}

/** Replaces the user's recovery codes with these hashes. */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], now: number): Promise<void> {
  await db.deleteFrom("recoveryCodes").where("userId", "=", userId).execute();
  await db
    .insertInto("recoveryCodes")
    .values(hashes.map((codeHash) => ({ codeHash, userId, createdAt: now, usedAt: null })))
    .execute();
}

/** Uses a recovery code once: the conditional update is the arbiter between two requests with the same code. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("recoveryCodes")
    .set({ usedAt: now })
    .where("codeHash", "=", codeHash)
    .where("userId", "=", userId)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recoveryCodes")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("userId", "=", userId)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Uses up a pending sign-in: its `pid` goes into `ended_sessions` (purged with them once past `expiresAt`).
 * False when it was used already: the insert's conflict is the arbiter between two completions.
 */
export async function endPending(db: Db, pid: string, userId: string, expiresAt: number): Promise<boolean> {
  const result = await db
    .insertInto("endedSessions")
    .values({ sid: `pending:${pid}`, userId, expiresAt })
    .onConflict((conflict) => conflict.column("sid").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
