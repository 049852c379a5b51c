import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import { enqueueMail } from "./outbox";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
const mail = (to: string) => ({ to, subject: "Subject", text: "Text", html: "<p>HTML</p>", reason: "test" });

describe("enqueueMail", () => {
  it("writes one due row", async () => {
    const database = await db();
    const to = `outbox-${Date.now()}@example.com`;
    await enqueueMail(database, mail(to), 1234);
    const row = await database.selectFrom("mailOutbox").selectAll().where("recipient", "=", to).executeTakeFirst();
    expect(row).toMatchObject({ subject: "Subject", textBody: "Text", htmlBody: "<p>HTML</p>", reason: "test" });
    expect(Number(row?.nextAttemptAt)).toBe(1234);
    expect(row?.sentAt).toBeNull();
  });

  it("belongs to the caller's transaction: a rollback leaves no message", async () => {
    const database = await db();
    const to = `rollback-${Date.now()}@example.com`;
    await expect(
      transaction(database, async (trx) => {
        await enqueueMail(trx, mail(to));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await database.selectFrom("mailOutbox").select("id").where("recipient", "=", to).execute();
    expect(rows).toHaveLength(0);
  });
});
