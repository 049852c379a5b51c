import { describe, expect, it } from "vitest";
import { Client, signedUpClient, uniqueEmail } from "../support/http-client";

/**
 * Issue 12 §3 / R43: a reset request says nothing about the address. Known, unknown and throttled addresses
 * get the same status, body bytes and headers (only `date` and the per-request `x-request-id` differ).
 * Timing is the benchmark's business; the unit test in password-reset.test.ts counts the work.
 */
const PER_REQUEST = ["date", "x-request-id"];

async function snapshot(response: Response): Promise<{ status: number; headers: string[][]; body: string }> {
  const headers = [...response.headers.entries()].filter(([name]) => !PER_REQUEST.includes(name)).sort();
  return { status: response.status, headers, body: await response.text() };
}

const ask = (email: string, headers: HeadersInit = {}): Promise<Response> =>
  new Client().json("POST", "/api/password-reset", { email }, headers);

describe("POST /api/password-reset does not tell whether an account exists", () => {
  it("known vs unknown address: the same status, body and headers", async () => {
    const { email } = await signedUpClient();
    const known = await snapshot(await ask(email));
    const unknown = await snapshot(await ask(uniqueEmail("nobody")));
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
  });

  it("a throttled address gets the same answer as a fresh one, known or not", async () => {
    const { email } = await signedUpClient();
    const stranger = uniqueEmail("nobody");
    for (let i = 0; i < 3; i++) {
      await ask(email);
      await ask(stranger);
    }
    const fresh = await snapshot(await ask(uniqueEmail("fresh")));
    expect(await snapshot(await ask(email))).toEqual(fresh);
    expect(await snapshot(await ask(stranger))).toEqual(fresh);
  });

  it("the same holds with the app's Origin and a session cookie of another user", async () => {
    const { email } = await signedUpClient();
    const { client: other } = await signedUpClient();
    const headers = { origin: other.baseUrl };
    const known = await snapshot(await other.json("POST", "/api/password-reset", { email }, headers));
    const unknown = await snapshot(
      await other.json("POST", "/api/password-reset", { email: uniqueEmail("nobody") }, headers),
    );
    expect(unknown).toEqual(known);
  });
});
