import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { createTestDatabase } from "../support/postgres";
import { receivedMail, type SmtpHarness, startSmtpServer } from "../support/smtp";
import { expectJson } from "./helpers";

/**
 * Issue 12 §1 and §5 (PostgreSQL only): two instances on one database, each with its background sender,
 * both polling every second. The outbox rows are claimed with FOR UPDATE SKIP LOCKED: every message is
 * delivered once, whichever instance wrote it and whichever sent it.
 */
let smtp: SmtpHarness;
let instances: AppServer[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  const shared = {
    DATABASE_URL: (await createTestDatabase()).url,
    SESSION_SECRETS: `1:${randomBytes(32).toString("base64url")}`,
    SMTP_URL: smtp.url,
    MAIL_POLL_INTERVAL: "1s",
  };
  instances = await Promise.all([startAppServer("mail-a", shared), startAppServer("mail-b", shared)]);
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await smtp?.stop();
});

type Health = { mail: { pending: number } };
// Only the reset links: sign-up may send messages of its own (verification, issue 12 §2).
const resets = () => receivedMail(smtp.spoolDir).filter((mail) => mail.subject.startsWith("Reset your password"));

describe("two instances, one outbox", () => {
  it("deliver each of 30 messages exactly once", async () => {
    const emails = Array.from({ length: 30 }, (_, i) => uniqueEmail(`pair${i}`));
    const clientOf = (i: number): Client => new Client(instances[i % 2]?.baseUrl);
    for (const [i, email] of emails.entries()) {
      const created = await clientOf(i).json("POST", "/api/users", { email, password: STRONG_PASSWORD });
      expect(created.status).toBe(201);
    }
    // One after another: at once, all 30 would queue on the one per-address throttle row of 127.0.0.1.
    for (const [i, email] of emails.entries()) {
      const response = await clientOf(i + 1).json("POST", "/api/password-reset", { email });
      expect(response.status, await response.clone().text()).toBe(202);
    }
    await expect.poll(() => resets().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(emails.length);
    // Nothing left to send on either side: a second delivery would have happened by now.
    for (const instance of instances) {
      const pending = async () =>
        (await expectJson<Health>(await new Client(instance.baseUrl).request("/api/health"))).mail.pending;
      await expect.poll(pending, { timeout: 30_000 }).toBe(0);
    }
    const received = resets();
    expect(received.flatMap((mail) => mail.to).sort()).toEqual(emails.map((email) => email.toLowerCase()).sort());
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(emails.length);
  });
});
