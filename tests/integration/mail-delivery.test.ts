import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { mailTo, type ReceivedMail, type SmtpHarness, startSmtpServer } from "../support/smtp";
import { expectJson } from "./helpers";

/**
 * Issue 12 §1 and §5: a mail server that is down loses nothing and sends nothing twice. An app of its own
 * (SQLite, or PostgreSQL on the integration-postgres project) sends to an SMTP harness of its own, with
 * retries of a second so the test need not wait out the production backoff.
 */
let smtp: SmtpHarness;
let app: AppServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer("mail-delivery", {
    SMTP_URL: smtp.url,
    MAIL_RETRY_BASE_DELAY: "1s",
    MAIL_RETRY_MAX_DELAY: "2s",
    MAIL_POLL_INTERVAL: "1s",
  });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

// Only the reset links: sign-up may send messages of its own (verification, issue 12 §2).
const isReset = (mail: ReceivedMail): boolean => mail.subject.startsWith("Reset your password");

type Health = { ok: boolean; mail: { pending: number; failing: number; failed: number } };
const health = async (): Promise<Health> => expectJson<Health>(await new Client(app.baseUrl).request("/api/health"));

async function signUp(email: string): Promise<void> {
  const response = await new Client(app.baseUrl).json("POST", "/api/users", { email, password: STRONG_PASSWORD });
  expect(response.status).toBe(201);
}

describe("the SMTP server goes down and comes back", () => {
  it("every message waits, is reported failing, and is delivered exactly once afterwards", async () => {
    const emails = [1, 2, 3].map((i) => uniqueEmail(`down${i}`));
    for (const email of emails) await signUp(email);
    await smtp.stop();
    for (const email of emails) {
      const response = await new Client(app.baseUrl).json("POST", "/api/password-reset", { email });
      expect(response.status).toBe(202);
    }
    // The sender tried and failed: visible in the health answer, which still says ok.
    await expect.poll(async () => (await health()).mail.failing, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect((await health()).ok).toBe(true);
    expect(emails.flatMap((email) => mailTo(smtp.spoolDir, email, isReset))).toEqual([]);
    await smtp.start();
    await expect.poll(async () => (await health()).mail.pending, { timeout: 30_000 }).toBe(0);
    const delivered = emails.map((email) => mailTo(smtp.spoolDir, email, isReset));
    expect(delivered.map((messages) => messages.length)).toEqual([1, 1, 1]);
    const ids = delivered.flat().map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /@outbox\.iron-gate>$/.test(id))).toBe(true);
  });
});
