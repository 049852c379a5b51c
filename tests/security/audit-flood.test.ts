import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client } from "../support/http-client";
import { readAuthEvents } from "./support";

/**
 * Events anyone can trigger without an account are recorded at most once per address and minute, so a flood
 * of forged cookies or cross-site posts cannot fill the audit table or crowd out sign-ins.
 */
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("audit-flood");
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
    const rows = readAuthEvents(server.databaseUrl);
    const count = (event: string) => rows.filter((row) => row.event === event).length;
    expect(count("cookie_rejected")).toBeGreaterThanOrEqual(1);
    expect(count("cookie_rejected")).toBeLessThanOrEqual(minutes);
    expect(count("csrf_rejected")).toBeGreaterThanOrEqual(1);
    expect(count("csrf_rejected")).toBeLessThanOrEqual(minutes);
  });
});
