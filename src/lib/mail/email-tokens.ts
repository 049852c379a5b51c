import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/database";
import type { Trx } from "@/lib/db/transaction";

/** What a link is for; a token only ever works for its own purpose. */
export type EmailTokenPurpose = "verify_email" | "password_reset" | "email_change";

export interface IssueEmailToken {
  userId: string;
  purpose: EmailTokenPurpose;
  /** The address an email change moves to. */
  newEmail?: string;
  ttlMs: number;
}

export interface ConsumedEmailToken {
  userId: string;
  newEmail: string | null;
}

/** 32 random bytes (256 bits), base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a database leak reveals no usable link. */
export function hashEmailToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new single-use token for `purpose`; the user's older tokens of that purpose die (a newer link
 * replaces them). Returns the token itself, for the link: it is never stored.
 */
export async function issueEmailToken(trx: Db | Trx, input: IssueEmailToken, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await killEmailTokens(trx, input.userId, input.purpose);
  await trx
    .insertInto("emailTokens")
    .values({
      tokenHash: hashEmailToken(token),
      userId: input.userId,
      purpose: input.purpose,
      newEmail: input.newEmail ?? null,
      createdAt: now,
      expiresAt: now + input.ttlMs,
    })
    .execute();
  return token;
}

/**
 * Uses up `token` if it is live (right purpose, unused, unexpired). One conditional UPDATE decides, so of
 * two concurrent consumes exactly one gets the row: on PostgreSQL the second waits for the first's row lock
 * and then finds `used_at` set; SQLite has one writer.
 */
export async function consumeEmailToken(
  trx: Db | Trx,
  token: string,
  purpose: EmailTokenPurpose,
  now = Date.now(),
): Promise<ConsumedEmailToken | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await trx
    .updateTable("emailTokens")
    .set({ usedAt: now })
    .where("tokenHash", "=", hashEmailToken(token))
    .where("purpose", "=", purpose)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .returning(["userId", "newEmail"])
    .executeTakeFirst();
  return row ? { userId: row.userId, newEmail: row.newEmail } : null;
}

/** Whose live token this is, without using it up: for a page that shows a form before the token is spent. */
export async function findLiveEmailToken(
  db: Db | Trx,
  token: string,
  purpose: EmailTokenPurpose,
  now = Date.now(),
): Promise<ConsumedEmailToken | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom("emailTokens")
    .select(["userId", "newEmail"])
    .where("tokenHash", "=", hashEmailToken(token))
    .where("purpose", "=", purpose)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  return row ? { userId: row.userId, newEmail: row.newEmail } : null;
}

/** Ends every outstanding token of `purpose` for the user (a newer link, a changed password). */
export async function killEmailTokens(trx: Db | Trx, userId: string, purpose: EmailTokenPurpose): Promise<void> {
  await trx.deleteFrom("emailTokens").where("userId", "=", userId).where("purpose", "=", purpose).execute();
}
