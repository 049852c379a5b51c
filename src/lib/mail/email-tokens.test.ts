import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import { createUser } from "@/lib/users/user-repository";
import { testEngine } from "../../../tests/support/test-engine";
import {
  consumeEmailToken,
  findLiveEmailToken,
  hashEmailToken,
  issueEmailToken,
  killEmailTokens,
} from "./email-tokens";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
async function newUserId(): Promise<string> {
  const email = `token-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await createUser(await db(), { email, name: null, passwordHash: "hash" });
  if (!created.ok) throw new Error("could not create the user");
  return created.user.id;
}

const HOUR = 3_600_000;

describe("email tokens", { timeout: 30_000 }, () => {
  it("are 256-bit random, and only their SHA-256 is stored", async () => {
    const database = await db();
    const userId = await newUserId();
    const token = await issueEmailToken(database, { userId, purpose: "password_reset", ttlMs: HOUR });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await database.selectFrom("emailTokens").selectAll().where("userId", "=", userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashEmailToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("work once, for their own purpose, and carry the new email", async () => {
    const database = await db();
    const userId = await newUserId();
    const token = await issueEmailToken(database, {
      userId,
      purpose: "email_change",
      newEmail: "new@example.com",
      ttlMs: HOUR,
    });
    expect(await consumeEmailToken(database, token, "password_reset")).toBeNull();
    expect(await findLiveEmailToken(database, token, "email_change")).toEqual({ userId, newEmail: "new@example.com" });
    expect(await consumeEmailToken(database, token, "email_change")).toEqual({ userId, newEmail: "new@example.com" });
    expect(await findLiveEmailToken(database, token, "email_change")).toBeNull();
    expect(await consumeEmailToken(database, token, "email_change")).toBeNull();
  });

  it("expire after their time to live", async () => {
    const database = await db();
    const userId = await newUserId();
    const issuedAt = Date.now();
    const token = await issueEmailToken(database, { userId, purpose: "verify_email", ttlMs: 1000 }, issuedAt);
    expect(await consumeEmailToken(database, token, "verify_email", issuedAt + 1000)).toBeNull();
    expect(await consumeEmailToken(database, token, "verify_email", issuedAt + 999)).toEqual({
      userId,
      newEmail: null,
    });
  });

  it("die when a newer one of the same purpose is issued, or when killed; other purposes live on", async () => {
    const database = await db();
    const userId = await newUserId();
    const older = await issueEmailToken(database, { userId, purpose: "password_reset", ttlMs: HOUR });
    const verify = await issueEmailToken(database, { userId, purpose: "verify_email", ttlMs: HOUR });
    const newer = await issueEmailToken(database, { userId, purpose: "password_reset", ttlMs: HOUR });
    expect(await consumeEmailToken(database, older, "password_reset")).toBeNull();
    await killEmailTokens(database, userId, "password_reset");
    expect(await consumeEmailToken(database, newer, "password_reset")).toBeNull();
    expect(await consumeEmailToken(database, verify, "verify_email")).toEqual({ userId, newEmail: null });
  });

  it("refuse garbage without a lookup worth the name", async () => {
    const database = await db();
    expect(await consumeEmailToken(database, "", "password_reset")).toBeNull();
    expect(await consumeEmailToken(database, "x".repeat(10_000), "password_reset")).toBeNull();
    expect(await consumeEmailToken(database, "A".repeat(43), "password_reset")).toBeNull();
  });

  it("of 8 concurrent consumes in transactions, exactly one wins", async () => {
    const database = await db();
    const userId = await newUserId();
    const token = await issueEmailToken(database, { userId, purpose: "password_reset", ttlMs: HOUR });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => transaction(database, (trx) => consumeEmailToken(trx, token, "password_reset"))),
    );
    expect(results.filter((result) => result !== null)).toEqual([{ userId, newEmail: null }]);
  });

  // Deterministic on PostgreSQL: another transaction holds the row while every consume starts, so all of them
  // have read it before any can write. A read-then-update consume lets all 6 win here (seen failing).
  it.runIf(testEngine() === "postgres")("consumes queued behind a row lock: still exactly one wins", async () => {
    const database = await db();
    const userId = await newUserId();
    const token = await issueEmailToken(database, { userId, purpose: "password_reset", ttlMs: HOUR });
    const holder = new pg.Client(process.env.DATABASE_URL);
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("update email_tokens set created_at = created_at where token_hash = $1", [
        hashEmailToken(token),
      ]);
      const consumes = Array.from({ length: 6 }, () =>
        transaction(database, (trx) => consumeEmailToken(trx, token, "password_reset")),
      );
      await expect
        .poll(async () => {
          const { rows } = await holder.query(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          return rows[0].n;
        })
        .toBe(6);
      await holder.query("commit");
      const results = await Promise.all(consumes);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});
