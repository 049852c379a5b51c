import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";

/**
 * `withSessionRoute` judges Origin against `APP_ORIGIN` (required in production), as the App Router does: a
 * client-sent `X-Forwarded-Proto` cannot change the origin the server expects.
 */
describe("withSessionRoute and APP_ORIGIN (decision 4)", () => {
  it("accepts APP_ORIGIN, and refuses its https twin even with X-Forwarded-Proto: https", async () => {
    const { client } = await signedUpClient();
    const twin = client.baseUrl.replace("http://", "https://");
    const refused = await client.request("/api/pages-router/session", {
      method: "DELETE",
      headers: { origin: twin, "x-forwarded-proto": "https" },
    });
    expect(refused.status).toBe(403);
    expect(client.cookies.size).toBe(1);
    const response = await client.request("/api/pages-router/session", {
      method: "DELETE",
      headers: { origin: client.baseUrl },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("clear-site-data")).toBe('"cache"');
    expect(client.cookies.size).toBe(0);
  });

  it("still refuses a foreign origin, and a request whose Host makes no URL is a 400, not a 500", async () => {
    const { client } = await signedUpClient();
    const foreign = await client.request("/api/pages-router/session", {
      method: "DELETE",
      headers: { origin: "https://evil.test" },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "cross_origin" } });
    const { rawExchange } = await import("../support/raw-wire");
    const raw = await rawExchange(
      new Client().baseUrl,
      "GET /api/pages-router/session HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n",
    );
    expect(raw).toMatch(/^HTTP\/1\.1 4\d\d/);
  });
});
