import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { createTestDatabase } from "../support/postgres";
import type { DeviceBody } from "./devices-support";
import { copyOf, expectJson } from "./helpers";

/** Issue 11 §1 on PostgreSQL: two instances on one database; a device signed out on one is refused on the other. */
const APP_ORIGIN = "https://gate.example.test";
let a: AppServer;
let b: AppServer;

beforeAll(async () => {
  const shared = {
    DATABASE_URL: (await createTestDatabase()).url,
    SESSION_SECRETS: `1:${randomBytes(32).toString("base64url")}`,
    APP_ORIGIN,
    TRUST_PROXY: "1",
  };
  [a, b] = await Promise.all([startAppServer("devices-a", shared), startAppServer("devices-b", shared)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

function send(client: Client, method: string, path: string, body?: unknown, ip = "198.51.100.7"): Promise<Response> {
  return client.json(method, path, body, { origin: APP_ORIGIN, "x-forwarded-for": ip });
}

async function devicesOf(client: Client): Promise<DeviceBody[]> {
  return (await expectJson<{ sessions: DeviceBody[] }>(await send(client, "GET", "/api/account/sessions"))).sessions;
}

async function who(client: Client): Promise<unknown> {
  return ((await (await send(client, "GET", "/api/sessions")).json()) as { user: unknown }).user;
}

describe("two instances, one database: devices", () => {
  it("a device signed out on one instance is refused on the other at once", async () => {
    const onA = new Client(a.baseUrl);
    const email = uniqueEmail("devices-multi");
    await expectJson(await send(onA, "POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
    const onB = new Client(b.baseUrl);
    await expectJson(await send(onB, "POST", "/api/sessions", { email, password: STRONG_PASSWORD }, "198.51.100.8"));
    // B's cookie is in use on B (and a copy of it too), so B has it in whatever it remembers.
    const copyOnB = copyOf(onB);
    expect(await who(copyOnB)).toMatchObject({ email });
    // Both instances list both sessions, with the address the load balancer saw.
    const listed = await devicesOf(onA);
    expect(listed.map((device) => device.ipAddress)).toEqual(["198.51.100.8", "198.51.100.7"]);
    expect((await devicesOf(onB)).map((device) => device.id)).toEqual(listed.map((device) => device.id));
    const target = listed.find((device) => !device.current);
    await expectJson(await send(onA, "DELETE", `/api/account/sessions/${target?.id}`));
    expect(await who(copyOnB)).toBeNull();
    expect(await who(onB)).toBeNull();
    expect(await who(copyOf(onB, a.baseUrl))).toBeNull();
    expect((await devicesOf(onA)).map((device) => device.current)).toEqual([true]);
  });
});
