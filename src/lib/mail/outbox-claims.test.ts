import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase, db } from "@/lib/db/database";
import { enqueueMail } from "./outbox";
import { claimDueMail, markFailed, markSent, outboxHealth } from "./outbox-claims";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts). Each test works in a future
// minute of its own (`at`), so rows of other tests are never due for it.
let clock = Date.now() + 86_400_000;
const nextMinute = (): number => {
  clock += 3_600_000;
  return clock;
};
const mail = (to: string) => ({ to, subject: "S", text: "link: http://x/?token=t", html: "<p>t</p>", reason: "r" });
const other = connectDatabase(process.env.DATABASE_URL ?? "");
afterAll(async () => {
  await other.destroy();
});

describe("claimDueMail", { timeout: 30_000 }, () => {
  it("claims due messages once; a lapsed claim can be taken again", async () => {
    const database = await db();
    const at = nextMinute();
    await enqueueMail(database, mail("due@example.com"), at);
    await enqueueMail(database, mail("later@example.com"), at + 60_000);
    const first = await claimDueMail(database, { limit: 10, leaseMs: 1000 }, at);
    expect(first.map((row) => row.recipient)).toEqual(["due@example.com"]);
    expect(await claimDueMail(database, { limit: 10, leaseMs: 1000 }, at + 999)).toEqual([]);
    const again = await claimDueMail(database, { limit: 10, leaseMs: 1000 }, at + 1000);
    expect(again.map((row) => row.id)).toEqual(first.map((row) => row.id));
    // Clean up this minute for the tests below.
    for (const row of await claimDueMail(database, { limit: 10, leaseMs: 1000 }, at + 120_000)) {
      await markSent(database, row.id, true);
    }
    await markSent(database, first[0]?.id ?? "", true);
  });

  it("two instances claiming at once never get the same message, and together get them all", async () => {
    const database = await db();
    const at = nextMinute();
    for (let i = 0; i < 40; i++) await enqueueMail(database, mail(`race-${i}@example.com`), at);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimDueMail(i % 2 ? other : database, { limit: 5, leaseMs: 60_000 }, at)),
    );
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    for (const id of ids) await markSent(database, id, true);
  });
});

describe("markSent, markFailed, outboxHealth", { timeout: 30_000 }, () => {
  it("scrub a sent or given-up message, schedule a retry, and count what is pending and failing", async () => {
    const database = await db();
    const at = nextMinute();
    const before = await outboxHealth(database);
    for (const to of ["sent@example.com", "retry@example.com", "dead@example.com"]) {
      await enqueueMail(database, mail(to), at);
    }
    const [sent, retry, dead] = await claimDueMail(database, { limit: 3, leaseMs: 60_000 }, at);
    if (!sent || !retry || !dead) throw new Error("setup");
    await markSent(database, sent.id, true, at);
    await markFailed(database, retry.id, { error: "ECONNREFUSED", retryAt: at + 5000 }, at);
    await markFailed(database, dead.id, { error: "550 no such user", retryAt: null }, at);
    const rows = await database
      .selectFrom("mailOutbox")
      .selectAll()
      .where("id", "in", [sent.id, retry.id, dead.id])
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(sent.id)).toMatchObject({ textBody: "", htmlBody: "", lastError: null });
    expect(Number(byId.get(sent.id)?.sentAt)).toBe(at);
    expect(byId.get(retry.id)).toMatchObject({ textBody: mail("").text, attempts: 1, lastError: "ECONNREFUSED" });
    expect(Number(byId.get(retry.id)?.nextAttemptAt)).toBe(at + 5000);
    expect(byId.get(dead.id)).toMatchObject({ textBody: "", htmlBody: "", attempts: 1 });
    expect(Number(byId.get(dead.id)?.failedAt)).toBe(at);
    expect(await claimDueMail(database, { limit: 10, leaseMs: 1 }, at + 4999)).toEqual([]);
    expect(await outboxHealth(database)).toEqual({
      pending: before.pending + 1,
      failing: before.failing + 1,
      failed: before.failed + 1,
    });
    const [retried] = await claimDueMail(database, { limit: 10, leaseMs: 1 }, at + 5000);
    expect(retried?.id).toBe(retry.id);
    await markSent(database, retry.id, true);
  });
});
