import type { Db } from "@/lib/db/database";

export interface StoredPasskey {
  id: string;
  userId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

type Row = Omit<StoredPasskey, "transports"> & { transports: string };

const toPasskey = (row: Row): StoredPasskey => ({
  ...row,
  counter: Number(row.counter),
  createdAt: Number(row.createdAt),
  lastUsedAt: row.lastUsedAt === null ? null : Number(row.lastUsedAt),
  transports: row.transports ? row.transports.split(",") : [],
});

export async function savePasskey(db: Db, passkey: StoredPasskey): Promise<void> {
  await db
    .insertInto("passkeys")
    .values({ ...passkey, transports: passkey.transports.join(",") })
    .execute();
}

export async function listPasskeys(db: Db, userId: string): Promise<StoredPasskey[]> {
  const rows = await db.selectFrom("passkeys").selectAll().where("userId", "=", userId).orderBy("createdAt").execute();
  return rows.map(toPasskey);
}

export async function findPasskey(db: Db, id: string): Promise<StoredPasskey | null> {
  const row = await db.selectFrom("passkeys").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toPasskey(row) : null;
}

/**
 * Records a use: the new signature counter, only if the stored one is still the one verified against, so
 * two uses racing with the same counter cannot both win (a cloned authenticator shows up as a refusal).
 */
export async function recordPasskeyUse(
  db: Db,
  id: string,
  expected: number,
  next: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("passkeys")
    .set({ counter: next, lastUsedAt: now })
    .where("id", "=", id)
    .where("counter", "=", expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes one of the user's passkeys; another user's id removes nothing (authorization lives here). */
export async function removePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("passkeys").where("id", "=", id).where("userId", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export type ChallengePurpose = "register" | "sign-in" | "second-step";

export async function saveChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  binding: string,
  expiresAt: number,
): Promise<void> {
  await db.deleteFrom("webauthnChallenges").where("expiresAt", "<", Date.now()).execute();
  await db.insertInto("webauthnChallenges").values({ challenge, purpose, binding, expiresAt }).execute();
}

/** Uses up a challenge: true once, for its purpose and binding, before it expires (the delete is the arbiter). */
export async function takeChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  binding: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom("webauthnChallenges")
    .where("challenge", "=", challenge)
    .where("purpose", "=", purpose)
    .where("binding", "=", binding)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
