import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";
import { COOKIE_NAME, copyOf, expectError, expectJson } from "./helpers";

// R61 in real time: a 4 s step-up window, so tests can wait it out.
let server: AppServer;
const NEW_PASSWORD = "marble harbor violin cactus meadow";

beforeAll(async () => {
  server = await startAppServer("step-up", { SESSION_STEP_UP_WINDOW: "4s" });
});
afterAll(() => server.stop());

const passwords = (): Record<string, string> => ({ "1": server.env.SESSION_SECRET ?? "" });

async function signedUp(): Promise<{ client: Client; email: string }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("stepup");
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  return { client, email };
}

async function signedIn(email: string, password = STRONG_PASSWORD): Promise<Client> {
  const client = new Client(server.baseUrl);
  await expectJson(await client.json("POST", "/api/sessions", { email, password }));
  return client;
}

async function userOf(client: Client): Promise<{ user: { email: string } | null; reason?: string }> {
  return (await client.request("/api/sessions")).json();
}

/**
 * The step-up state without acting: the password endpoint checks the session, then the step-up, then the
 * body; an empty body is refused (400) only when the step-up passed.
 */
async function isStale(client: Client): Promise<boolean> {
  const response = await client.json("POST", "/api/account/password", {});
  expect([400, 403], await response.clone().text()).toContain(response.status);
  return response.status === 403;
}

/** Waits, in real time, until the sign-in no longer counts as a recent confirmation. */
async function untilStale(client: Client): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await isStale(client))) {
    if (Date.now() > deadline) throw new Error("the step-up window never closed");
    await sleep(250);
  }
}

const changePassword = (client: Client, currentPassword = STRONG_PASSWORD): Promise<Response> =>
  client.json("POST", "/api/account/password", { currentPassword, newPassword: NEW_PASSWORD });

describe.concurrent("step-up re-authentication (R61)", () => {
  it("a sign-in counts as a confirmation; past the window each step-up action is 403 and changes nothing", async () => {
    const { client, email } = await signedUp();
    const other = await signedIn(email);
    expect(await isStale(client)).toBe(false);
    await untilStale(client);
    await expectError(await client.json("POST", "/api/sessions/revoke-others"), 403, "reauthentication_required");
    await expectError(await client.json("DELETE", "/api/sessions?scope=all"), 403, "reauthentication_required");
    await expectError(await changePassword(client), 403, "reauthentication_required");
    expect(await userOf(client)).toMatchObject({ user: { email } });
    expect(await userOf(other)).toMatchObject({ user: { email } });

    const wrong = await client.json("POST", "/api/sessions/confirm", { password: "not my password at all" });
    expect((await expectError(wrong, 400, "invalid_input")).error.fields).toEqual({ password: expect.any(String) });
    expect(await isStale(client)).toBe(true);

    const before = Date.now();
    const body = await expectJson<{ ok: true; confirmedUntil: number }>(
      await client.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD }),
    );
    const seal = await openSeal(client.cookies.get(COOKIE_NAME) ?? "", passwords());
    expect(seal?.confirmedAt).toBeGreaterThanOrEqual(before);
    expect(body.confirmedUntil).toBe((seal?.confirmedAt ?? 0) + 4_000);
    await expectJson(await client.json("POST", "/api/sessions/revoke-others"));
    expect(await userOf(other)).toMatchObject({ user: null, reason: "revoked" });
    expect(await userOf(client)).toMatchObject({ user: { email } });
  });

  it("the attack: a copied cookie looping revoke-others gets 403, and the owner signs in and changes the password", async () => {
    const { client: owner, email } = await signedUp();
    const thief = copyOf(owner);
    await untilStale(thief);
    let stop = false;
    const statuses: number[] = [];
    const hammer = (async () => {
      while (!stop) statuses.push((await thief.json("POST", "/api/sessions/revoke-others")).status);
    })();
    try {
      const again = await signedIn(email);
      expect(await userOf(again)).toMatchObject({ user: { email } });
      await expectJson(await changePassword(again), 200);
      expect(await userOf(again)).toMatchObject({ user: { email } });
    } finally {
      stop = true;
      await hammer;
    }
    // Refused for want of a password until the owner's password change ended the thief's session.
    expect(statuses[0]).toBe(403);
    expect(statuses.filter((status) => status !== 403 && status !== 401)).toEqual([]);
    expect(await userOf(thief)).toMatchObject({ user: null, reason: "revoked" });
    await signedIn(email, NEW_PASSWORD);
  });

  it("DELETE /api/sessions?scope=all without an active session is 401 with its reason; plain DELETE stays 200", async () => {
    const anonymous = new Client(server.baseUrl);
    const none = await expectError(await anonymous.json("DELETE", "/api/sessions?scope=all"), 401, "unauthorized");
    expect(none.error).toMatchObject({ reason: "none" });
    await expectJson(await anonymous.json("DELETE", "/api/sessions"));

    const { client, email } = await signedUp();
    const other = await signedIn(email);
    const data = await openSeal(client.cookies.get(COOKIE_NAME) ?? "", passwords());
    const hourAgo = Date.now() - 3_600_000;
    const idle = { ...data, sid: randomBytes(18).toString("base64url"), authenticatedAt: hourAgo, lastSeenAt: hourAgo };
    const expired = new Client(server.baseUrl);
    expired.cookies.set(COOKIE_NAME, await sealData(idle, { password: passwords(), ttl: 3_600 }));
    const body = await expectError(await expired.json("DELETE", "/api/sessions?scope=all"), 401, "unauthorized");
    expect(body.error).toMatchObject({ reason: "expired" });

    const copy = copyOf(client);
    await expectJson(await client.json("DELETE", "/api/sessions"));
    const revoked = await expectError(await copy.json("DELETE", "/api/sessions?scope=all"), 401, "unauthorized");
    expect(revoked.error).toMatchObject({ reason: "revoked" });
    expect(await userOf(other)).toMatchObject({ user: { email } });
  });

  it("the confirmation needs a session and a password", async () => {
    const anonymous = new Client(server.baseUrl);
    const body = await expectError(
      await anonymous.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD }),
      401,
      "unauthorized",
    );
    expect(body.error).toMatchObject({ reason: "none" });
    const { client } = await signedUp();
    await expectError(await client.json("POST", "/api/sessions/confirm", {}), 400, "invalid_input");
    await expectError(await client.json("POST", "/api/sessions/confirm", { password: 42 }), 400, "invalid_input");
    await expectError(await client.request("/api/sessions/confirm"), 405, "method_not_allowed");
  });
});
