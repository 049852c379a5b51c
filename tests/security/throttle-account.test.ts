import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { fromIp } from "./support";

/**
 * Decision 7 / R39-R40 / R42, per account: after THROTTLE_ACCOUNT_FREE_FAILURES (3 here) consecutive failures
 * the account waits (2 s here, doubling), whatever the password and whatever address the attempt comes from;
 * an unknown email is treated exactly the same; a success resets the count. Every request comes from its
 * own address (TRUST_PROXY=1), so the per-address bucket never gets in the way: rotating addresses is
 * exactly what an attacker would do against a per-account limit.
 */
let server: AppServer;
let ipCounter = 0;

beforeAll(async () => {
  server = await startAppServer("throttle-account", {
    TRUST_PROXY: "1",
    THROTTLE_IP_BURST: "4",
    THROTTLE_IP_PER_MINUTE: "1",
    THROTTLE_ACCOUNT_FREE_FAILURES: "3",
    THROTTLE_ACCOUNT_BASE_DELAY: "2s",
  });
});

afterAll(async () => {
  await server?.stop();
});

function freshIp(): string {
  ipCounter += 1;
  return `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

function signIn(email: string, password: string, client = new Client(server.baseUrl)): Promise<Response> {
  return client.json("POST", "/api/sessions", { email, password }, fromIp(freshIp()));
}

async function newAccount(): Promise<{ email: string; client: Client }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("throttle");
  await expectJson(
    await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }, fromIp(freshIp())),
    201,
  );
  return { email, client };
}

async function fail(email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1)
    await expectError(await signIn(email, "not the password at all"), 401, "invalid_credentials");
}

/** A 429 too_many_requests with a numeric Retry-After (in seconds), which it returns. */
async function expectThrottled(response: Response, maxSeconds: number): Promise<number> {
  expect(response.headers.getSetCookie()).toEqual([]);
  const retryAfter = response.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxSeconds);
  await expectError(response, 429, "too_many_requests");
  return Number(retryAfter);
}

describe("decision 7 / R39: per-account backoff", () => {
  it("after 3 failures the next attempt is 429 with Retry-After, even with the right password", async () => {
    const { email } = await newAccount();
    await fail(email, 3);
    const client = new Client(server.baseUrl);
    await expectThrottled(await signIn(email, STRONG_PASSWORD, client), 2);
    expect(client.cookies.size).toBe(0);
  });

  it("an unknown email gets exactly the same treatment (status, body, Retry-After)", async () => {
    const { email: known } = await newAccount();
    const unknown = uniqueEmail("nobody");
    for (let i = 0; i < 3; i += 1) {
      const [a, b] = [await signIn(known, "wrong password here"), await signIn(unknown, "wrong password here")];
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(await a.text()).toBe(await b.text());
    }
    const [a, b] = [await signIn(known, STRONG_PASSWORD), await signIn(unknown, STRONG_PASSWORD)];
    expect([...a.headers.keys()].sort()).toEqual([...b.headers.keys()].sort());
    const [bodyA, bodyB] = [await a.clone().text(), await b.clone().text()];
    const [retryA, retryB] = [await expectThrottled(a, 2), await expectThrottled(b, 2)];
    expect(Math.abs(retryA - retryB)).toBeLessThanOrEqual(1);
    const normalise = (text: string): string => text.replace(/\d+ seconds?/, "N seconds");
    expect(normalise(bodyA)).toBe(normalise(bodyB));
    if (retryA === retryB) expect(bodyA).toBe(bodyB);
  });

  it("after the delay the right password works, and the success resets the count", async () => {
    const { email } = await newAccount();
    await fail(email, 3);
    const retryAfter = await expectThrottled(await signIn(email, STRONG_PASSWORD), 2);
    await sleep(retryAfter * 1000 + 150);
    const client = new Client(server.baseUrl);
    await expectJson(await signIn(email, STRONG_PASSWORD, client), 200);
    expect(client.cookies.size).toBe(1);
    // Counted from zero again: three more free failures, then the wait.
    await fail(email, 3);
    await expectThrottled(await signIn(email, "not the password at all"), 2);
  });

  it("two simultaneous attempts at the last free slot: exactly one is let through", async () => {
    const { email } = await newAccount();
    await fail(email, 2);
    const responses = await Promise.all([signIn(email, "wrong password one"), signIn(email, "wrong password two")]);
    expect(responses.map((response) => response.status).sort()).toEqual([401, 429]);
  });

  it("five simultaneous attempts at the last free slot: exactly one is let through", async () => {
    const { email } = await newAccount();
    await fail(email, 2);
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(email, `wrong password ${i}`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([401, 429, 429, 429, 429]);
  });
});

describe("R42: the password change is throttled like sign-in", () => {
  it("3 wrong current passwords, then 429 even with the right one", async () => {
    const { client, email } = await newAccount();
    const change = (currentPassword: string): Promise<Response> =>
      client.json(
        "POST",
        "/api/account/password",
        { currentPassword, newPassword: "orchid glacier saffron umbrella" },
        fromIp(freshIp()),
      );
    for (let i = 0; i < 3; i += 1) {
      const body = await expectError(await change("not my password at all"), 400, "invalid_input");
      expect(Object.keys(body.error.fields ?? {})).toEqual(["currentPassword"]);
    }
    await expectThrottled(await change(STRONG_PASSWORD), 2);
    // Nothing changed: the old password still signs in once the wait is over.
    await sleep(2_200);
    await expectJson(await signIn(email, STRONG_PASSWORD), 200);
  });
});

describe("R42, R61: the step-up confirmation is throttled like sign-in", () => {
  it("3 wrong passwords, then 429 even with the right one; a wrong confirmation also slows sign-in", async () => {
    const { client, email } = await newAccount();
    const confirm = (password: string): Promise<Response> =>
      client.json("POST", "/api/sessions/confirm", { password }, fromIp(freshIp()));
    for (let i = 0; i < 3; i += 1) {
      const body = await expectError(await confirm("not my password at all"), 400, "invalid_input");
      expect(Object.keys(body.error.fields ?? {})).toEqual(["password"]);
    }
    await expectThrottled(await confirm(STRONG_PASSWORD), 2);
    await expectThrottled(await signIn(email, STRONG_PASSWORD), 2);
    await sleep(2_200);
    const confirmed = await expectJson<{ ok: boolean; confirmedUntil: number }>(await confirm(STRONG_PASSWORD));
    expect(confirmed.ok).toBe(true);
  });
});
