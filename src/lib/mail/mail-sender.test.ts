import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, db } from "@/lib/db/database";
import { receivedMail, type SmtpHarness, startSmtpServer } from "../../../tests/support/smtp";
import { startMailSender } from "./mail-sender";
import { createMailTransport } from "./mail-transport";
import { enqueueMail } from "./outbox";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres): real SMTP (the test harness), a real database.
// The senders run without their timer (`loop: false`): each test drives them with runOnce.
const retry = { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 50 };
const IDLE = 3_600_000;

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});

const message = (to: string) => ({
  to,
  subject: `For ${to}`,
  text: `Open http://localhost:3000/reset-password?token=${to}`,
  html: `<p><a href="http://localhost:3000/reset-password?token=${to}">Open</a></p>`,
  reason: "test",
});

const deliveredTo = (prefix: string): string[] =>
  receivedMail(smtp.spoolDir)
    .flatMap((mail) => mail.to)
    .filter((to) => to.startsWith(prefix))
    .sort();

describe("the mail sender", { timeout: 30_000 }, () => {
  it("keeps messages while SMTP is down and delivers each exactly once when it is back", async () => {
    const database = await db();
    const prefix = `down-${Date.now()}`;
    const sender = startMailSender(db, createMailTransport({ kind: "smtp", url: smtp.url }, "gate@example.com"), {
      retry,
      pollIntervalMs: IDLE,
      loop: false,
    });
    try {
      await smtp.stop();
      const recipients = [1, 2, 3].map((i) => `${prefix}-${i}@example.com`);
      for (const to of recipients) await enqueueMail(database, message(to));
      await sender.runOnce();
      const failed = await database
        .selectFrom("mailOutbox")
        .select(["attempts", "lastError", "textBody"])
        .where("recipient", "in", recipients)
        .execute();
      expect(failed.map((row) => Number(row.attempts))).toEqual([1, 1, 1]);
      expect(failed.every((row) => row.lastError?.includes("ECONNREFUSED") && row.textBody.length > 0)).toBe(true);
      await smtp.start();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await sender.runOnce();
      await sender.runOnce();
      expect(deliveredTo(prefix)).toEqual(recipients);
      const sent = await database
        .selectFrom("mailOutbox")
        .select(["sentAt", "textBody", "htmlBody"])
        .where("recipient", "in", recipients)
        .execute();
      // Sent bodies are scrubbed: their links hold live tokens.
      expect(sent.every((row) => row.sentAt !== null && row.textBody === "" && row.htmlBody === "")).toBe(true);
    } finally {
      await smtp.start();
      await sender.stop();
    }
  });

  it("two senders on one database deliver every message exactly once", async () => {
    const database = await db();
    const second = connectDatabase(process.env.DATABASE_URL ?? "");
    const prefix = `pair-${Date.now()}`;
    const recipients = Array.from({ length: 24 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}@example.com`);
    for (const to of recipients) await enqueueMail(database, message(to));
    const transport = () => createMailTransport({ kind: "smtp", url: smtp.url }, "gate@example.com");
    const senders = [
      startMailSender(db, transport(), { retry, pollIntervalMs: IDLE, loop: false, batchSize: 3 }),
      startMailSender(async () => second, transport(), { retry, pollIntervalMs: IDLE, loop: false, batchSize: 3 }),
    ];
    try {
      await Promise.all(senders.map((sender) => sender.runOnce()));
      expect(deliveredTo(prefix)).toEqual(recipients);
    } finally {
      await Promise.all(senders.map((sender) => sender.stop()));
      await second.destroy();
    }
  });

  it("a message refused for good is given up and scrubbed, not retried", async () => {
    const database = await db();
    const to = `refused-${Date.now()}@example.com`;
    await enqueueMail(database, message(to));
    const refusing = {
      keepsBodies: false,
      send: async () => {
        throw Object.assign(new Error("550 5.1.1 no such user"), { responseCode: 550 });
      },
      close: () => {},
    };
    const sender = startMailSender(db, refusing, { retry, pollIntervalMs: IDLE, loop: false });
    await sender.runOnce();
    await sender.stop();
    const row = await database.selectFrom("mailOutbox").selectAll().where("recipient", "=", to).executeTakeFirst();
    expect(row).toMatchObject({ attempts: 1, textBody: "", htmlBody: "", sentAt: null });
    expect(row?.failedAt).not.toBeNull();
  });
});
