import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { CHROME_LINUX, devicesOf, FIREFOX_WINDOWS, signInAs, signUpAs } from "./devices-support";

// Short limits, so real time runs them out: idle 6 s (the seal re-sealed every 600 ms, the device row written
// at most every 1.5 s), absolute 16 s. Waits are generous; nothing asserts a tight margin.
const IDLE_MS = 6_000;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("devices-activity", {
    SESSION_IDLE_TIMEOUT: "6s",
    SESSION_MAX_AGE: "16s",
    SESSION_WARNING: "1s",
  });
});
afterAll(() => server.stop());

describe("device activity and expiry (issue 11 §1)", () => {
  it("an active device's last-active time moves; an idle one leaves the list", async () => {
    const { client: active, email } = await signUpAs(CHROME_LINUX, server.baseUrl);
    const idle = await signInAs(email, FIREFOX_WINDOWS, server.baseUrl);
    const [idleDevice] = await devicesOf(idle);
    expect(idleDevice?.current).toBe(true);
    // The active browser uses a page every 700 ms, past the idle limit and the list's slack for the idle one.
    const until = Date.now() + IDLE_MS + 4_000;
    while (Date.now() < until) {
      expect((await active.request("/private")).status).toBe(200);
      await sleep(700);
    }
    // The row is written off the request: give it a moment.
    let devices = await devicesOf(active);
    for (let tries = 0; tries < 20 && devices.length > 1; tries++) {
      await sleep(250);
      devices = await devicesOf(active);
    }
    expect(devices.map((device) => device.device)).toEqual(["Chrome on Linux"]);
    const [mine] = devices;
    expect((mine?.lastActiveAt ?? 0) - (mine?.createdAt ?? 0)).toBeGreaterThan(IDLE_MS);
  });

  it("the stored last-active time follows activity seen by the other device's list", async () => {
    const { client: watcher, email } = await signUpAs(CHROME_LINUX, server.baseUrl);
    const busy = await signInAs(email, FIREFOX_WINDOWS, server.baseUrl);
    const created = (await devicesOf(watcher)).find((device) => !device.current)?.createdAt ?? 0;
    let seen = 0;
    for (let i = 0; i < 20 && seen - created < 2_000; i++) {
      expect((await busy.request("/private")).status).toBe(200);
      await sleep(500);
      seen = (await devicesOf(watcher)).find((device) => !device.current)?.lastActiveAt ?? 0;
    }
    expect(seen - created).toBeGreaterThanOrEqual(2_000);
  });

  it("past the absolute limit no device is listed for the user", async () => {
    const { email } = await signUpAs(CHROME_LINUX, server.baseUrl);
    await sleep(16_500);
    const fresh = await signInAs(email, FIREFOX_WINDOWS, server.baseUrl);
    expect((await devicesOf(fresh)).map((device) => device.device)).toEqual(["Firefox on Windows"]);
  });
});
