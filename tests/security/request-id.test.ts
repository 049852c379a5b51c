import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";

const logFile = inject("logFile");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * R55: the request id is the server's, never the client's, on every path: those the proxy stamps and the
 * JSON routes it skips (issue 14), whose id is stamped where the HTTP server receives the request.
 */
describe("the request id (R55)", () => {
  it("is a fresh UUID on the answer and in the access log, whatever the client sent", async () => {
    const { client, email } = await signedUpClient();
    const spoofed = `spoofed-${Date.now()}`;
    const headers = { "x-request-id": spoofed };
    const answers = [
      await client.request("/api/sessions", { headers }),
      await client.request("/api/health", { headers }),
      await client.json(
        "POST",
        "/api/sessions",
        { email, password: STRONG_PASSWORD },
        { ...headers, origin: client.baseUrl },
      ),
      await client.request("/api/account/nothing-here", { headers }),
      await new Client().request("/login", { headers }),
      await new Client().request("/private", { headers }),
    ];
    const ids = answers.map((response) => response.headers.get("x-request-id") ?? "");
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    await new Promise((done) => setTimeout(done, 200));
    const log = readFileSync(logFile, "utf8");
    expect(log).not.toContain(spoofed);
    const sessionRead = ids[0] ?? "";
    expect(log).toContain(`"path":"/api/sessions","requestId":"${sessionRead}"`);
  });
});
