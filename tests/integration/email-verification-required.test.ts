import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { followLink, waitForSubject } from "../support/mail-links";
import { defaultSmtpServer, mailTo } from "../support/smtp";
import { expectError, expectJson, redirectTarget } from "./helpers";

// EMAIL_VERIFICATION=required: nobody is signed in before verifying, and an unverified user sees only
// "check your email". This server sends to this worker's default SMTP harness.
let server: AppServer;
let spoolDir: string;

beforeAll(async () => {
  server = await startAppServer("verify-required", { EMAIL_VERIFICATION: "required" });
  spoolDir = (await defaultSmtpServer()).spoolDir;
});
afterAll(() => server.stop());

async function signUp(client: Client, email: string, password = STRONG_PASSWORD): Promise<Response> {
  return client.json("POST", "/api/users", { email, password });
}

async function signIn(email: string): Promise<Client> {
  const client = new Client(server.baseUrl);
  await expectJson(await client.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }));
  return client;
}

describe("EMAIL_VERIFICATION=required (issue 12 §2)", () => {
  it("sign-up answers 202 without a cookie; signed in unverified, every page and API says 'check your email'", async () => {
    const email = uniqueEmail("required");
    const client = new Client(server.baseUrl);
    const answer = await expectJson<{ ok: boolean; checkEmail: boolean }>(await signUp(client, email), 202);
    expect(answer).toEqual({ ok: true, checkEmail: true });
    expect(client.cookies.size).toBe(0);

    const signedIn = await signIn(email);
    for (const page of ["/private", "/account"]) {
      const response = await signedIn.request(page);
      expect(response.status).toBe(307);
      expect(redirectTarget(response, server.baseUrl)).toBe("/check-email");
    }
    const pagesRouter = await signedIn.request("/pages-router/private");
    expect(redirectTarget(pagesRouter, server.baseUrl)).toBe("/check-email");
    await expectError(await signedIn.request("/api/pages-router/session"), 403, "email_unverified");
    const check = await signedIn.request("/check-email");
    expect(check.status).toBe(200);
    expect(await check.text()).toContain(email);
    await expectError(await signedIn.json("POST", "/api/sessions/revoke-others"), 403, "email_unverified");
    await expectError(
      await signedIn.json("POST", "/api/account/email", { newEmail: uniqueEmail() }),
      403,
      "email_unverified",
    );
    // What an unverified user may still do: resend, keep the session alive, sign out.
    expect((await signedIn.json("POST", "/api/account/verification")).status).toBe(202);
    expect((await signedIn.json("POST", "/api/sessions/refresh")).status).toBe(200);

    // The resend replaced the first link: follow the newest.
    await waitForSubject(spoolDir, email, "Confirm your email address");
    const deadline = Date.now() + 20_000;
    while (mailTo(spoolDir, email).length < 2 && Date.now() < deadline) await sleep(100);
    const mail = mailTo(spoolDir, email).at(-1);
    if (!mail) throw new Error("no message");
    expect(await followLink(signedIn, mail, "/verify-email")).toBe("/email-link?result=verified");
    expect((await signedIn.request("/private")).status).toBe(200);
    expect((await signedIn.json("POST", "/api/sessions/revoke-others")).status).toBe(200);
  });

  it("a taken address: the same 202, and its owner is told someone tried", async () => {
    const email = uniqueEmail("taken");
    await expectJson(await signUp(new Client(server.baseUrl), email), 202);
    const again = await signUp(new Client(server.baseUrl), email, `${STRONG_PASSWORD} again`);
    expect(await expectJson(again, 202)).toEqual({ ok: true, checkEmail: true });
    const notice = await waitForSubject(spoolDir, email, "Someone tried to sign up");
    expect(notice.text).not.toContain(STRONG_PASSWORD);
    expect(notice.links.some((link) => link.includes("token"))).toBe(false);
  });

  it("the sign-up form (no JavaScript) goes to the check-email page without signing in", async () => {
    const page = await new Client(server.baseUrl).request("/check-email?signed-up=1");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("If this address can be used");
  });
});
