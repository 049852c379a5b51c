import { describe, expect, inject, it } from "vitest";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { followLink, waitForSubject } from "../support/mail-links";
import { mailTo } from "../support/smtp";
import { expectJson } from "./helpers";

// The shared server: EMAIL_VERIFICATION=optional (the default). Its mail arrives in the harness's spool.
const mailDir = (): string => inject("mailDir");
const SUBJECT = "Confirm your email address";

async function signedUp(): Promise<{ client: Client; email: string }> {
  const client = new Client();
  const email = uniqueEmail("verify");
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  return { client, email };
}

async function showsBanner(client: Client): Promise<boolean> {
  const response = await client.request("/private");
  expect(response.status).toBe(200);
  return (await response.text()).includes('data-testid="verify-banner"');
}

describe("email verification, optional (issue 12 §2)", () => {
  it("sign-up signs in and mails a link; following it verifies the address and the banner goes", async () => {
    const { client, email } = await signedUp();
    expect(await showsBanner(client)).toBe(true);
    const mail = await waitForSubject(mailDir(), email, SUBJECT);
    expect(mail.text).not.toContain(STRONG_PASSWORD);
    // Followed in another browser, signed out: the link alone is the proof.
    expect(await followLink(new Client(), mail, "/verify-email")).toBe("/email-link?result=verified");
    expect(await showsBanner(client)).toBe(false);
  });

  it("a link works once; a mangled one is refused the same way", async () => {
    const { email } = await signedUp();
    const mail = await waitForSubject(mailDir(), email, SUBJECT);
    expect(await followLink(new Client(), mail, "/verify-email")).toBe("/email-link?result=verified");
    expect(await followLink(new Client(), mail, "/verify-email")).toBe("/email-link?result=invalid");
    const mangled = await new Client().request("/verify-email?token=not-a-token");
    expect(mangled.headers.get("location")).toBe("/email-link?result=invalid");
  });

  it("a HEAD (a mail scanner) does not use the link up", async () => {
    const { email } = await signedUp();
    const mail = await waitForSubject(mailDir(), email, SUBJECT);
    const link = mail.links.find((href) => href.includes("/verify-email")) ?? "";
    expect((await fetch(link, { method: "HEAD", redirect: "manual" })).status).toBe(200);
    expect(await followLink(new Client(), mail, "/verify-email")).toBe("/email-link?result=verified");
  });

  it("Resend: 202, a new link that replaces the old one", async () => {
    const { client, email } = await signedUp();
    const first = await waitForSubject(mailDir(), email, SUBJECT);
    const resent = await expectJson<{ ok: boolean }>(await client.json("POST", "/api/account/verification"), 202);
    expect(resent.ok).toBe(true);
    const deadline = Date.now() + 20_000;
    while (mailTo(mailDir(), email).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const second = mailTo(mailDir(), email).find((mail) => mail.messageId !== first.messageId);
    if (!second) throw new Error("no second message");
    expect(await followLink(new Client(), first, "/verify-email")).toBe("/email-link?result=invalid");
    expect(await followLink(new Client(), second, "/verify-email")).toBe("/email-link?result=verified");
  });

  it("Resend answers the same once verified (and once throttled): nothing to tell apart", async () => {
    const { client, email } = await signedUp();
    const before = await (await client.json("POST", "/api/account/verification")).text();
    await followLink(new Client(), await waitForSubject(mailDir(), email, SUBJECT), "/verify-email");
    const after = await client.json("POST", "/api/account/verification");
    expect(after.status).toBe(202);
    expect(await after.text()).toBe(before);
    for (let i = 0; i < 4; i += 1) expect((await client.json("POST", "/api/account/verification")).status).toBe(202);
  });

  it("Resend needs a session: 401", async () => {
    const response = await new Client().json("POST", "/api/account/verification");
    expect(response.status).toBe(401);
  });
});
