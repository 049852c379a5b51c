import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { followLink, waitForSubject } from "../support/mail-links";
import { defaultSmtpServer, mailTo } from "../support/smtp";
import { expectError, expectJson } from "./helpers";

// Issue 12 §4 over HTTP, the links read out of real messages. A 3 s step-up window, to see it close.
let server: AppServer;
let spoolDir: string;

beforeAll(async () => {
  server = await startAppServer("email-change", { SESSION_STEP_UP_WINDOW: "3s" });
  spoolDir = (await defaultSmtpServer()).spoolDir;
});
afterAll(() => server.stop());

async function signedUp(): Promise<{ client: Client; email: string }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("change");
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  return { client, email };
}

async function signIn(email: string, password = STRONG_PASSWORD): Promise<Response> {
  return new Client(server.baseUrl).json("POST", "/api/sessions", { email, password });
}

async function me(client: Client): Promise<{ user: { email: string } | null; reason?: string }> {
  return (await client.request("/api/sessions")).json();
}

const change = (client: Client, newEmail: string): Promise<Response> =>
  client.json("POST", "/api/account/email", { newEmail });

describe("email change (issue 12 §4)", () => {
  it("a link to the new address, a notice to the old; following it changes the address and ends every other session", async () => {
    const { client, email } = await signedUp();
    const otherDevice = new Client(server.baseUrl);
    await expectJson(await otherDevice.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }));
    const newEmail = uniqueEmail("moved");
    await expectJson(await change(client, newEmail), 202);
    const notice = await waitForSubject(spoolDir, email, "about to change");
    expect(notice.text).toContain(newEmail);
    const confirm = await waitForSubject(spoolDir, newEmail, "Confirm your new email address");
    // Nothing changed yet.
    expect((await me(client)).user?.email).toBe(email);

    expect(await followLink(client, confirm, "/confirm-email")).toBe("/account?done=email-changed");
    expect((await me(client)).user?.email).toBe(newEmail);
    expect(await me(otherDevice)).toMatchObject({ user: null, reason: "revoked" });
    await expectError(await signIn(email), 401, "invalid_credentials");
    expect((await signIn(newEmail)).status).toBe(200);
    // Used once.
    expect(await followLink(new Client(server.baseUrl), confirm, "/confirm-email")).toBe("/email-link?result=invalid");
  });

  it("followed in a browser that is not signed in: every session ends, then sign in with the new address", async () => {
    const { client, email } = await signedUp();
    const newEmail = uniqueEmail("moved");
    await expectJson(await change(client, newEmail), 202);
    const confirm = await waitForSubject(spoolDir, newEmail, "Confirm your new email address");
    expect(await followLink(new Client(server.baseUrl), confirm, "/confirm-email")).toBe("/email-link?result=changed");
    expect(await me(client)).toMatchObject({ user: null, reason: "revoked" });
    expect((await signIn(newEmail)).status).toBe(200);
    expect(mailTo(spoolDir, email).length).toBeGreaterThan(0);
  });

  it("followed in a browser signed in as someone else: that session is not kept for the changed account", async () => {
    const { client, email } = await signedUp();
    const { client: stranger, email: strangerEmail } = await signedUp();
    const newEmail = uniqueEmail("moved");
    await expectJson(await change(client, newEmail), 202);
    const confirm = await waitForSubject(spoolDir, newEmail, "Confirm your new email address");
    expect(await followLink(stranger, confirm, "/confirm-email")).toBe("/email-link?result=changed");
    expect((await me(stranger)).user?.email).toBe(strangerEmail);
    expect(await me(client)).toMatchObject({ user: null, reason: "revoked" });
    await expectError(await signIn(email), 401, "invalid_credentials");
  });

  it("an address in use: the same answer, no link, and its owner hears of it", async () => {
    const { client } = await signedUp();
    const { email: taken } = await signedUp();
    const free = uniqueEmail("free");
    const toTaken = await change(client, taken);
    const toFree = await change(client, free);
    expect(toTaken.status).toBe(toFree.status);
    expect(await toTaken.text()).toBe(await toFree.text());
    const inUse = await waitForSubject(spoolDir, taken, "Someone tried to use your address");
    expect(inUse.links.some((link) => link.includes("token"))).toBe(false);
  });

  it("the address is judged again when the link is followed: taken meanwhile, nothing changes", async () => {
    const { client, email } = await signedUp();
    const wanted = uniqueEmail("raced");
    await expectJson(await change(client, wanted), 202);
    const confirm = await waitForSubject(spoolDir, wanted, "Confirm your new email address");
    await expectJson(
      await new Client(server.baseUrl).json("POST", "/api/users", { email: wanted, password: STRONG_PASSWORD }),
      201,
    );
    expect(await followLink(client, confirm, "/confirm-email")).toBe("/email-link?result=taken");
    expect((await me(client)).user?.email).toBe(email);
  });

  it("refuses its own address (400), bad input (400), no session (401), and a stale step-up (403)", async () => {
    const { client, email } = await signedUp();
    await expectError(await change(client, email), 400, "invalid_input");
    await expectError(await change(client, "not an address"), 400, "invalid_input");
    await expectError(await change(new Client(server.baseUrl), uniqueEmail()), 401, "unauthorized");
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await change(client, email);
      if (response.status === 403) {
        await expectError(response, 403, "reauthentication_required");
        break;
      }
      if (Date.now() > deadline) throw new Error("the step-up window never closed");
      await sleep(250);
    }
    await expectError(await change(client, uniqueEmail()), 403, "reauthentication_required");
  });
});
