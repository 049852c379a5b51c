import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";

/**
 * Decision 4 with a configured origin: behind a proxy the public origin is `APP_ORIGIN`, and
 * `TRUSTED_ORIGINS` adds more. Only those are accepted; the address the server happens to listen on
 * (http://localhost:<port>) is then a foreign origin like any other.
 */
const APP_ORIGIN = "https://app.example.test";
const TRUSTED_ORIGIN = "https://admin.example.test";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("origin-config", { APP_ORIGIN, TRUSTED_ORIGINS: TRUSTED_ORIGIN });
});

afterAll(async () => {
  await server?.stop();
});

function signUp(origin: string): Promise<Response> {
  const client = new Client(server.baseUrl);
  return client.json(
    "POST",
    "/api/users",
    { email: uniqueEmail("origin-config"), password: STRONG_PASSWORD },
    { origin },
  );
}

describe("APP_ORIGIN and TRUSTED_ORIGINS", () => {
  it("accepts APP_ORIGIN", async () => {
    await expectJson(await signUp(APP_ORIGIN), 201);
  });

  it("accepts a TRUSTED_ORIGINS entry", async () => {
    await expectJson(await signUp(TRUSTED_ORIGIN), 201);
  });

  it("refuses the server's own listening origin (http://localhost:<port>) when APP_ORIGIN says otherwise", async () => {
    const response = await signUp(server.baseUrl);
    expect(response.headers.getSetCookie()).toEqual([]);
    await expectError(response, 403, "cross_origin");
  });

  it("refuses a sibling of the trusted origins and a look-alike of APP_ORIGIN", async () => {
    for (const origin of ["https://other.example.test", `${APP_ORIGIN}.evil.test`, "http://app.example.test"]) {
      await expectError(await signUp(origin), 403, "cross_origin");
    }
  });

  it("refuses Sec-Fetch-Site: same-site even with a trusted Origin", async () => {
    const client = new Client(server.baseUrl);
    const body = { email: uniqueEmail("origin-config"), password: STRONG_PASSWORD };
    const headers = { origin: TRUSTED_ORIGIN, "sec-fetch-site": "same-site" };
    await expectError(await client.json("POST", "/api/users", body, headers), 403, "cross_origin");
  });

  it("the proxy applies the same policy to page posts: POST /login from localhost is refused, from APP_ORIGIN not", async () => {
    const form = (): URLSearchParams => new URLSearchParams({ email: "a@example.com", password: STRONG_PASSWORD });
    const client = new Client(server.baseUrl);
    const foreign = await client.request("/login", {
      method: "POST",
      headers: { origin: server.baseUrl },
      body: form(),
    });
    await expectError(foreign, 403, "cross_origin");
    const own = await client.request("/login", { method: "POST", headers: { origin: APP_ORIGIN }, body: form() });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
  });
});
