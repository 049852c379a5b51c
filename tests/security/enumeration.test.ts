import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";

/**
 * Decision 6 / R43: sign-in answers an unknown email and a wrong password the same way, byte for byte,
 * header for header (only `date` and the per-request `x-request-id` may differ). Sign-up may say an email
 * is taken (409) under `EMAIL_VERIFICATION=optional` (the default) or `off`, where the new user is signed in at
 * once; under `required` it may not (issue 12 §2), and an email change never may (§4).
 */
const PER_REQUEST = ["date", "x-request-id"];

function comparableHeaders(response: Response, ignore: string[]): Array<[string, string]> {
  return [...response.headers.entries()]
    .filter(([name]) => !ignore.includes(name))
    .sort(([a], [b]) => a.localeCompare(b));
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.clone().arrayBuffer());
}

/** `ignore`: header values allowed to differ (the brief allows only `date` and `x-request-id`). */
async function expectIndistinguishable(a: Response, b: Response, ignore = PER_REQUEST): Promise<void> {
  expect(a.status).toBe(b.status);
  expect([...a.headers.keys()].sort()).toEqual([...b.headers.keys()].sort());
  expect(comparableHeaders(a, ignore)).toEqual(comparableHeaders(b, ignore));
  expect((await bytes(a)).equals(await bytes(b)), `${await a.clone().text()} vs ${await b.clone().text()}`).toBe(true);
}

describe("decision 6 / R43: sign-in failures do not say whether the account exists", () => {
  it("unknown email vs known email with a wrong password: same status, body bytes, header names and values", async () => {
    const { email } = await signedUpClient();
    const wrongPassword = await new Client().json("POST", "/api/sessions", { email, password: `${STRONG_PASSWORD}!` });
    const unknown = await new Client().json("POST", "/api/sessions", {
      email: uniqueEmail("nobody"),
      password: `${STRONG_PASSWORD}!`,
    });
    await expectIndistinguishable(wrongPassword, unknown);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    await expectError(wrongPassword, 401, "invalid_credentials");
  });

  it("the same holds with the app's Origin and another user's session cookie", async () => {
    const { email } = await signedUpClient();
    const { client: other } = await signedUpClient();
    const headers = { origin: other.baseUrl };
    const wrongPassword = await other.json(
      "POST",
      "/api/sessions",
      { email, password: `${STRONG_PASSWORD}!` },
      headers,
    );
    const unknown = await other.json(
      "POST",
      "/api/sessions",
      { email: uniqueEmail("nobody"), password: `${STRONG_PASSWORD}!` },
      headers,
    );
    await expectIndistinguishable(wrongPassword, unknown);
  });

  it("a known email in another case and with spaces fails like an unknown one", async () => {
    const { email } = await signedUpClient();
    const variant = await new Client().json("POST", "/api/sessions", {
      email: ` ${email.toUpperCase()} `,
      password: `${STRONG_PASSWORD}!`,
    });
    const unknown = await new Client().json("POST", "/api/sessions", {
      email: uniqueEmail("nobody"),
      password: `${STRONG_PASSWORD}!`,
    });
    await expectIndistinguishable(variant, unknown);
  });

  it("timing: an unknown email is not answered much faster than a wrong password (the hash runs on both paths)", async () => {
    const { email } = await signedUpClient();
    const time = async (body: Record<string, string>): Promise<number> => {
      const started = performance.now();
      await (await new Client().json("POST", "/api/sessions", body)).arrayBuffer();
      return performance.now() - started;
    };
    // Four rounds: a fifth consecutive failure on the account would start its backoff (decision 7).
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      known.push(await time({ email, password: `${STRONG_PASSWORD}!` }));
      unknown.push(await time({ email: uniqueEmail("nobody"), password: `${STRONG_PASSWORD}!` }));
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    // A skipped argon2id (19 MiB, t=2) would make the unknown path several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });
});

describe("decision 6: with EMAIL_VERIFICATION=optional, sign-up may reveal a taken email", () => {
  it("a taken email answers 409 email_taken, without a cookie", async () => {
    const { email } = await signedUpClient();
    const response = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD });
    expect(response.headers.getSetCookie()).toEqual([]);
    const body = await expectError(response, 409, "email_taken");
    expect(Object.keys(body.error.fields ?? {})).toEqual(["email"]);
  });

  it("409 does not sign the caller in as the existing user", async () => {
    const { email } = await signedUpClient();
    const client = new Client();
    await client.json("POST", "/api/users", { email, password: `${STRONG_PASSWORD} other` });
    const me = (await (await client.request("/api/sessions")).json()) as { user: unknown };
    expect(me.user).toBeNull();
  });
});

describe("issue 12 §2: with EMAIL_VERIFICATION=required, sign-up does not say whether an email is taken", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer("enumeration-required", { EMAIL_VERIFICATION: "required" });
  });
  afterAll(() => server.stop());

  it("a new and a taken address: same status, body bytes, header names and values, and no cookie", async () => {
    const taken = uniqueEmail("taken");
    await new Client(server.baseUrl).json("POST", "/api/users", { email: taken, password: STRONG_PASSWORD });
    const takenAnswer = await new Client(server.baseUrl).json("POST", "/api/users", {
      email: taken,
      password: STRONG_PASSWORD,
    });
    const freshAnswer = await new Client(server.baseUrl).json("POST", "/api/users", {
      email: uniqueEmail("fresh"),
      password: STRONG_PASSWORD,
    });
    await expectIndistinguishable(takenAnswer, freshAnswer);
    expect(takenAnswer.status).toBe(202);
    expect(takenAnswer.headers.getSetCookie()).toEqual([]);
  });

  it("the same with a weak password: the policy answers before the address is looked at", async () => {
    const taken = uniqueEmail("taken");
    await new Client(server.baseUrl).json("POST", "/api/users", { email: taken, password: STRONG_PASSWORD });
    const weak = "passwordpassword";
    const takenAnswer = await new Client(server.baseUrl).json("POST", "/api/users", { email: taken, password: weak });
    const freshAnswer = await new Client(server.baseUrl).json("POST", "/api/users", {
      email: uniqueEmail("fresh"),
      password: weak,
    });
    expect(takenAnswer.status).toBe(400);
    await expectIndistinguishable(takenAnswer, freshAnswer);
  });
});

describe("issue 12 §4: an email change does not say whether the new address is taken", () => {
  it("a taken and a free address: same status, body bytes, header names and values", async () => {
    const { client } = await signedUpClient();
    const { email: taken } = await signedUpClient();
    const toTaken = await client.json("POST", "/api/account/email", { newEmail: taken });
    const toFree = await client.json("POST", "/api/account/email", { newEmail: uniqueEmail("free") });
    expect(toTaken.status).toBe(202);
    // The session cookie is re-sealed by the proxy on some requests (idle slide): only its value may differ.
    await expectIndistinguishable(toTaken, toFree, [...PER_REQUEST, "set-cookie"]);
  });
});
