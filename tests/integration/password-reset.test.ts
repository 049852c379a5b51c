import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";
import { linkTo, mailTo, type ReceivedMail, waitForMail } from "../support/smtp";
import { currentUser, expectError, expectJson, pageText } from "./helpers";

/**
 * Issue 12 §3 over real HTTP against the built app, with the mail read from the real SMTP server the shared
 * app sends to (tests/support/smtp.ts; the spool directory comes from integration-server.ts).
 */
const NEW_PASSWORD = "harbor violet quantum meadow";
const mailDir = (): string => inject("mailDir");
const isReset = (mail: ReceivedMail): boolean => mail.subject.startsWith("Reset your password");
const isNotice = (mail: ReceivedMail): boolean => mail.subject.startsWith("Your password was changed");

async function requestReset(email: string, client = new Client()): Promise<Response> {
  return client.json("POST", "/api/password-reset", { email });
}

/** Asks for a link and reads its token out of the message that arrives. */
async function resetToken(email: string): Promise<{ token: string; mail: ReceivedMail }> {
  const before = mailTo(mailDir(), email, isReset).length;
  expect((await requestReset(email)).status).toBe(202);
  let mail: ReceivedMail | undefined;
  await expect.poll(() => (mail = mailTo(mailDir(), email, isReset)[before]), { timeout: 20_000 }).toBeDefined();
  if (!mail) throw new Error("no message");
  return { token: linkTo(mail, "/reset-password").searchParams.get("token") ?? "", mail };
}

function confirm(token: unknown, newPassword: unknown): Promise<Response> {
  return new Client().json("POST", "/api/password-reset/confirm", { token, newPassword });
}

describe("POST /api/password-reset", () => {
  it("answers 202 and mails a link built from APP_ORIGIN, in text and HTML, without any password", async () => {
    const { email } = await signedUpClient();
    const response = await requestReset(email);
    const body = await expectJson<{ ok: boolean; message: string }>(response, 202);
    expect(body.ok).toBe(true);
    const mail = await waitForMail(mailDir(), email, { matching: isReset });
    const link = linkTo(mail, "/reset-password");
    expect(link.origin).toBe(new URL(inject("baseUrl")).origin);
    expect(link.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain("Iron Gate");
    expect(mail.html).toContain("Iron Gate");
    expect(mail.text).toContain("because a password reset was requested");
    for (const part of [mail.text, mail.html]) expect(part).not.toContain(STRONG_PASSWORD);
  });

  it("refuses a malformed address with 400 and any other verb with 405", async () => {
    await expectError(await requestReset("not an email"), 400, "invalid_input");
    await expectError(await new Client().json("POST", "/api/password-reset", {}), 400, "invalid_input");
    expect((await new Client().request("/api/password-reset")).status).toBe(405);
    expect((await new Client().request("/api/password-reset/confirm")).status).toBe(405);
  });

  it("sends at most 3 links an hour to one address, and answers the 4th request the same", async () => {
    const { email } = await signedUpClient();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestReset(email));
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(bodies).size).toBe(1);
    await expect.poll(() => mailTo(mailDir(), email, isReset).length, { timeout: 20_000 }).toBe(3);
    // The 4th request's deferred work is done once its throttle event is recorded; still 3 rows, 3 messages.
    const database = connectDatabase(inject("databaseUrl"));
    try {
      await expect
        .poll(async () => {
          const rows = await database
            .selectFrom("mailOutbox")
            .select("id")
            .where("recipient", "=", email)
            .where("subject", "like", "Reset your password%")
            .execute();
          return rows.length;
        })
        .toBe(3);
    } finally {
      await database.destroy();
    }
  });
});

describe("following the link", () => {
  it("moves the token out of the URL into a cookie for the reset page, and sends no referrer elsewhere", async () => {
    const { email } = await signedUpClient();
    const { token } = await resetToken(email);
    const browser = new Client();
    const followed = await browser.request(`/reset-password?token=${token}`);
    expect(followed.status).toBe(303);
    const location = new URL(followed.headers.get("location") ?? "", browser.baseUrl);
    expect(`${location.origin}${location.pathname}${location.search}`).toBe(`${browser.baseUrl}/reset-password`);
    expect(followed.headers.get("referrer-policy")).toBe("no-referrer");
    const cookie = followed.headers.getSetCookie().find((header) => header.startsWith("iron-gate-reset="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/reset-password/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    const page = await browser.request("/reset-password");
    expect(page.status).toBe(200);
    // No Referer to other sites; not `no-referrer`, whose form posts say `Origin: null` (refused as CSRF).
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    const html = await page.text();
    expect(pageText(html)).toContain(email);
    expect(html).toContain('name="newPassword"');
    expect(html).not.toContain(token);
  });

  it("shows no form without a live link", async () => {
    const stranger = new Client();
    const page = await stranger.request("/reset-password");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(pageText(html)).toContain("This link does not work any more");
    expect(html).not.toContain('name="newPassword"');
    const forged = await stranger.request(`/reset-password?token=${"A".repeat(43)}`);
    expect(forged.status).toBe(303);
    expect(pageText(await (await stranger.request("/reset-password")).text())).toContain("does not work any more");
  });
});

describe("POST /api/password-reset/confirm", () => {
  it("sets the password, ends every session, signs nobody in, tells the owner, and works once", async () => {
    const { client, email } = await signedUpClient();
    const { token } = await resetToken(email);
    const response = await confirm(token, NEW_PASSWORD);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await expectJson(response)).toEqual({ ok: true, redirectTo: "/login?reason=password-reset" });
    expect(await currentUser(client)).toBeNull();
    await expectError(
      await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }),
      401,
      "invalid_credentials",
    );
    expect((await new Client().json("POST", "/api/sessions", { email, password: NEW_PASSWORD })).status).toBe(200);
    await waitForMail(mailDir(), email, { matching: isNotice });
    await expectError(await confirm(token, "another fine long passphrase"), 400, "invalid_token");
    // R45: the link's token never reaches the server's log.
    expect(readFileSync(inject("logFile"), "utf8")).not.toContain(token);
  });

  it("applies the password policy and leaves the link usable", async () => {
    const { email } = await signedUpClient();
    const { token } = await resetToken(email);
    const weak = await expectError(await confirm(token, "password123"), 400, "invalid_input");
    expect(weak.error.fields?.newPassword).toBeTruthy();
    expect((await confirm(token, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses a missing, forged or replaced token", async () => {
    const { email } = await signedUpClient();
    await expectError(await confirm(undefined, NEW_PASSWORD), 400, "invalid_input");
    await expectError(await confirm("A".repeat(43), NEW_PASSWORD), 400, "invalid_token");
    await expectError(await confirm("x".repeat(5000), NEW_PASSWORD), 400, "invalid_input");
    const older = await resetToken(email);
    const newer = await resetToken(email);
    await expectError(await confirm(older.token, NEW_PASSWORD), 400, "invalid_token");
    expect((await confirm(newer.token, NEW_PASSWORD)).status).toBe(200);
  });

  it("a link dies when the password is changed meanwhile", async () => {
    const { client, email } = await signedUpClient();
    const { token } = await resetToken(email);
    expect((await client.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD })).status).toBe(200);
    const changed = await client.json("POST", "/api/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    await expectError(await confirm(token, "another fine long passphrase"), 400, "invalid_token");
    await waitForMail(mailDir(), email, { matching: isNotice });
  });
});

describe("pages and health", () => {
  it("the login page links to /forgot-password, which has a form; /dev/mail is a 404 in production", async () => {
    const client = new Client();
    expect(await (await client.request("/login")).text()).toContain('href="/forgot-password"');
    const forgot = await client.request("/forgot-password");
    expect(forgot.status).toBe(200);
    expect(await forgot.text()).toContain('name="email"');
    expect((await client.request("/dev/mail")).status).toBe(404);
  });

  it("GET /api/health reports the mail not delivered yet", async () => {
    const body = await expectJson<{ ok: boolean; mail: Record<string, number> }>(
      await new Client().request("/api/health"),
    );
    expect(body.ok).toBe(true);
    expect(Object.keys(body.mail).sort()).toEqual(["failed", "failing", "pending"]);
    for (const count of Object.values(body.mail)) expect(count).toBeGreaterThanOrEqual(0);
  });
});
