import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";

/**
 * Issue 7 §3: a production server started on 127.0.0.1 and addressed as 127.0.0.1 (its `APP_ORIGIN`) accepts
 * same-origin sign-ups and form posts. Next.js normalises `request.url` to `localhost`, which is why the
 * expected origin comes from configuration, never from the request.
 */
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("origin-loopback", {}, { host: "127.0.0.1" });
});

afterAll(async () => {
  await server?.stop();
});

describe("a server addressed as 127.0.0.1", () => {
  it("is addressed as 127.0.0.1", () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.env.APP_ORIGIN).toBe(server.baseUrl);
  });

  it("signs up a same-origin request, and signs it in", async () => {
    const client = new Client(server.baseUrl);
    const email = uniqueEmail("loopback");
    const headers = { origin: server.baseUrl, "sec-fetch-site": "same-origin" };
    await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }, headers), 201);
    const me = await expectJson<{ user: { email: string } | null }>(await client.request("/api/sessions"));
    expect(me.user?.email).toBe(email);
  });

  it("takes a same-origin no-JS login form post", async () => {
    const body = new URLSearchParams({ email: "nobody@example.com", password: STRONG_PASSWORD });
    const response = await new Client(server.baseUrl).request("/login", {
      method: "POST",
      headers: { origin: server.baseUrl },
      body,
    });
    expect(response.status).not.toBe(403);
    expect(response.status).toBeLessThan(500);
  });

  it("treats http://localhost:<same port> as another origin", async () => {
    const localhost = server.baseUrl.replace("127.0.0.1", "localhost");
    const body = { email: uniqueEmail("loopback"), password: STRONG_PASSWORD };
    const response = await new Client(server.baseUrl).json("POST", "/api/users", body, { origin: localhost });
    await expectError(response, 403, "cross_origin");
  });
});
