import { randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/errors";
import { precompiled } from "@/lib/db/precompiled";
import type { UsersTable } from "@/lib/db/schema";
import type { UserRecord } from "./user";

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.passwordHash,
    isAdmin: Boolean(row.isAdmin),
    createdAt: Number(row.createdAt),
    sessionVersion: row.sessionVersion,
    emailVerifiedAt: row.emailVerifiedAt === null ? null : Number(row.emailVerifiedAt),
    disabled: row.disabledAt !== null,
  };
}

/** A random, unguessable user id (128 bits, base64url). */
export function newUserId(): string {
  return randomBytes(16).toString("base64url");
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The session kept through the user's last `sessionVersion` bump, if any. */
export interface KeptSession {
  sid: string;
  version: number;
}

/** The session check's one query, compiled once per database handle (`precompiled`, issue 14). */
const sessionQuery = precompiled(
  (db: Db, id: string, sid: string) =>
    db
      .selectFrom("users")
      .selectAll("users")
      .select((eb) => eb.exists(eb.selectFrom("endedSessions").select("sid").where("sid", "=", sid)).as("ended"))
      .where("id", "=", id),
  2,
);

/** What the session check reads: the user, whether this session was signed out, the kept session. */
export interface FoundSession {
  user: UserRecord;
  ended: boolean;
  kept: KeptSession | null;
}

/** The user behind a session, whether that session was signed out, and the kept session, in one query. */
export async function findUserForSession(db: Db, id: string, sid: string): Promise<FoundSession | null> {
  const [row] = await sessionQuery(db, id, sid);
  if (!row) return null;
  const { ended, ...user } = row;
  const kept = row.keptSid !== null && row.keptVersion !== null ? { sid: row.keptSid, version: row.keptVersion } : null;
  return { user: toRecord(user), ended: Boolean(ended), kept };
}

/** `email` must already be normalised (see `normalizeEmail`). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export interface NewUser {
  email: string;
  name: string | null;
  passwordHash: string;
  isAdmin?: boolean;
}

export type CreateUserResult = { ok: true; user: UserRecord } | { ok: false; reason: "email_taken" };

/** Inserts a user; the unique index on the normalised email is the only judge of duplicates. */
export async function createUser(db: Db, input: NewUser): Promise<CreateUserResult> {
  try {
    const row = await db
      .insertInto("users")
      .values({
        id: newUserId(),
        email: input.email,
        name: input.name,
        passwordHash: input.passwordHash,
        isAdmin: input.isAdmin ?? false,
        createdAt: Date.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, user: toRecord(row) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

/**
 * Replaces a password hash only if it is still `expected`, the one just verified: one statement, so of two
 * writers that verified the same hash exactly one wins, on SQLite and PostgreSQL alike. `endSessions` bumps
 * `sessionVersion` in the same statement (a password change, R17); an upgrade of the same password does not.
 * Returns the user's `sessionVersion` after the write, or null when the hash had changed (or the user is gone).
 */
export async function replacePasswordHash(
  db: Db,
  change: { id: string; expected: string; next: string; endSessions: boolean },
): Promise<number | null> {
  const row = await db
    .updateTable("users")
    .set((eb) => ({
      passwordHash: change.next,
      sessionVersion: change.endSessions ? eb("sessionVersion", "+", 1) : eb.ref("sessionVersion"),
    }))
    .where("id", "=", change.id)
    .where("passwordHash", "=", change.expected)
    .returning("sessionVersion")
    .executeTakeFirst();
  return row ? row.sessionVersion : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("createdAt").orderBy("email").execute();
  return rows.map(toRecord);
}

/** Returns false when no user has that email. */
export async function setAdmin(db: Db, email: string, isAdmin: boolean): Promise<boolean> {
  const result = await db.updateTable("users").set({ isAdmin }).where("email", "=", email).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Returns false when no user has that email. Deleting a user ends all of its sessions (R16). */
export async function removeUser(db: Db, email: string): Promise<boolean> {
  const result = await db.deleteFrom("users").where("email", "=", email).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
