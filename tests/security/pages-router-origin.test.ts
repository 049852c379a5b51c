import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";

/** `withSessionRoute` judges Origin against the URL the request was addressed to, as the App Router does. */
describe("withSessionRoute behind a TLS-terminating proxy (decision 4)", () => {
  it("accepts the https origin when the proxy says X-Forwarded-Proto: https", async () => {
    const { client } = await signedUpClient();
    const origin = client.baseUrl.replace("http://", "https://");
    const response = await client.request("/api/pages-router/session", {
      method: "DELETE",
      headers: { origin, "x-forwarded-proto": "https" },
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
