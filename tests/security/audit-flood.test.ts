import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, signedUpClient, uniqueEmail } from "../support/http-client";
import { readAuthEvents } from "./support";

/**
 * Events anyone can trigger without an account are recorded at most once per address and minute, so a flood
 * of forged cookies or cross-site posts cannot fill the audit table or crowd out sign-ins.
 */
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("audit-flood", { THROTTLE_IP_BURST: "2", THROTTLE_IP_PER_MINUTE: "1" });
});
afterAll(() => server.stop());

describe("audit rows for anonymous noise (R45, without a disk-filling flood)", () => {
  it("50 forged cookies and 50 cross-site posts make one row each per minute", async () => {
    const forged = new Client(server.baseUrl);
    forged.cookies.set("__Host-iron-gate-session", "Fe26.2*1*forged*cookie*value*0*mac*mac~2");
    const started = Math.floor(Date.now() / 60_000);
    for (let i = 0; i < 50; i++) {
      await forged.request("/api/sessions");
      await new Client(server.baseUrl).json("POST", "/api/logout", undefined, { origin: "https://evil.test" });
    }
    const minutes = Math.floor(Date.now() / 60_000) - started + 1; // the loop may cross a minute boundary
    const rows = await readAuthEvents(server.databaseUrl);
    const count = (event: string) => rows.filter((row) => row.event === event).length;
    expect(count("cookie_rejected")).toBeGreaterThanOrEqual(1);
    expect(count("cookie_rejected")).toBeLessThanOrEqual(minutes);
    expect(count("csrf_rejected")).toBeGreaterThanOrEqual(1);
    expect(count("csrf_rejected")).toBeLessThanOrEqual(minutes);
  });

  it("30 throttled sign-ins from one address make one `throttled` row per minute", async () => {
    const client = new Client(server.baseUrl);
    const started = Math.floor(Date.now() / 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await client.json("POST", "/api/sessions", {
        email: uniqueEmail("flood"),
        password: "x".repeat(20),
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);
    const minutes = Math.floor(Date.now() / 60_000) - started + 1;
    const throttled = (await readAuthEvents(server.databaseUrl)).filter((row) => row.event === "throttled");
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled.length).toBeLessThanOrEqual(minutes);
  });
});

describe("sign-out rows (shared server)", () => {
  it("a signed-out cookie replayed at the sign-out endpoints adds no more `sign_out` rows", async () => {
    const { client } = await signedUpClient();
    const { user } = (await (await client.request("/api/sessions")).json()) as { user: { id: string } };
    const copy = new Client();
    for (const [name, value] of client.cookies) copy.cookies.set(name, value);
    expect((await client.json("POST", "/api/logout")).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      await copy.json("POST", "/api/logout");
      await copy.json("DELETE", "/api/sessions");
    }
    const rows = (await readAuthEvents(inject("databaseUrl"))).filter(
      (row) => row.event === "sign_out" && row.user_id === user.id,
    );
    expect(rows).toHaveLength(1);
  });
});
