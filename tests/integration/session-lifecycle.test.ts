import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";

// Short limits so that real time can run them out: idle 3 s (re-seal every 300 ms), absolute 8 s; the warning
// must be shorter than the idle limit, or the server refuses to start.
let server: AppServer;
const COOKIE = "__Host-iron-gate-session";

beforeAll(async () => {
  server = await startAppServer("lifecycle", {
    SESSION_IDLE_TIMEOUT: "3s",
    SESSION_MAX_AGE: "8s",
    SESSION_WARNING: "1s",
  });
});
afterAll(() => server.stop());

async function signedUp(): Promise<Client> {
  const client = new Client(server.baseUrl);
  const response = await client.json("POST", "/api/users", { email: uniqueEmail("life"), password: STRONG_PASSWORD });
  expect(response.status).toBe(201);
  return client;
}

async function status(client: Client): Promise<{ user: unknown; reason?: string; idleExpiresAt?: number }> {
  const response = await client.request("/api/sessions");
  expect(response.headers.getSetCookie()).toEqual([]);
  return response.json();
}

const seal = async (client: Client) =>
  openSeal(client.cookies.get(COOKIE) ?? "", { "1": server.env.SESSION_SECRET ?? "" });

describe.concurrent("idle and absolute limits, enforced by the server (R12, R13)", () => {
  it("a request inside the idle window slides it; the cookie's Max-Age follows", async () => {
    const client = await signedUp();
    const before = await seal(client);
    await sleep(1_500);
    const page = await client.request("/private");
    expect(page.status).toBe(200);
    const [setCookie] = page.headers.getSetCookie();
    expect(setCookie).toMatch(/Max-Age=3;/);
    const after = await seal(client);
    expect(after?.lastSeenAt).toBeGreaterThan(before?.lastSeenAt ?? Number.POSITIVE_INFINITY);
    expect(after?.sid).toBe(before?.sid);
    await sleep(1_700); // past the first idle limit (3 s after sign-in), inside the slid one
    expect(await status(client)).toMatchObject({ user: { email: expect.any(String) } });
  });

  it("a status read never extends the session", async () => {
    const client = await signedUp();
    for (let i = 0; i < 3; i++) {
      await sleep(1_000);
      await status(client);
    }
    await sleep(200);
    expect(await status(client)).toMatchObject({ user: null, reason: "expired" });
    const page = await client.request("/private");
    expect(page.headers.get("location")).toBe("/login?next=%2Fprivate&reason=expired");
  });

  it("the absolute limit wins over activity", async () => {
    const client = await signedUp();
    const deadline = Date.now() + 8_200;
    while (Date.now() < deadline - 1_000) {
      await sleep(900);
      expect((await client.json("POST", "/api/sessions/refresh")).status).toBe(200);
    }
    const last = await client.json("POST", "/api/sessions/refresh");
    const body = await last.json();
    expect(body.idleExpiresAt).toBe(body.absoluteExpiresAt); // capped, never past the limit
    await sleep(Math.max(0, deadline - Date.now()));
    expect(await status(client)).toMatchObject({ user: null, reason: "ended" });
    const refused = await client.json("POST", "/api/sessions/refresh");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized", reason: "ended" } });
  });
});

describe("the proxy's refresh and the handler's own cookie", () => {
  it("the handler's Set-Cookie comes last and wins, so revoke-others keeps this session", async () => {
    const client = await signedUp();
    await sleep(600); // past the 300 ms refresh interval: the proxy re-seals on this request too
    const response = await client.json("POST", "/api/sessions/revoke-others");
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    const [fromProxy, fromHandler] = await Promise.all(
      cookies.map((header) =>
        openSeal(header.split(";")[0]?.split("=").slice(1).join("=") ?? "", { "1": server.env.SESSION_SECRET ?? "" }),
      ),
    );
    expect((fromHandler?.ver ?? 0) - (fromProxy?.ver ?? 0)).toBe(1);
    // The handler's cookie keeps the slide the proxy made: the request was activity.
    expect(fromHandler?.lastSeenAt ?? 0).toBeGreaterThanOrEqual(fromProxy?.lastSeenAt ?? Number.POSITIVE_INFINITY);
    expect(await status(client)).toMatchObject({ user: { email: expect.any(String) } });
  });

  it("a sign-out cannot be undone by a refresh: a cookie re-sealed before it is dead too", async () => {
    const client = await signedUp();
    await sleep(600);
    const page = await client.request("/private"); // the proxy re-seals here
    expect(page.headers.getSetCookie()).toHaveLength(1);
    const resealed = new Client(server.baseUrl);
    for (const [name, value] of client.cookies) resealed.cookies.set(name, value);
    expect((await client.json("POST", "/api/logout")).status).toBe(200);
    expect(await status(resealed)).toMatchObject({ user: null, reason: "revoked" });
  });
});

describe("unreadable cookies (R24)", () => {
  it.each([
    ["tampered", (seal: string) => seal.replace(/\*(\w)/, (_m, c: string) => `*${c === "a" ? "b" : "a"}`)],
    ["truncated", (seal: string) => seal.slice(0, seal.length / 2)],
    ["garbage", () => "not-a-seal"],
    ["empty", () => ""],
  ])("a %s cookie is signed out, never a 5xx", async (_label, mangle) => {
    const client = await signedUp();
    const bad = new Client(server.baseUrl);
    bad.cookies.set(COOKIE, mangle(client.cookies.get(COOKIE) ?? ""));
    expect(await status(bad)).toMatchObject({ user: null });
    const page = await bad.request("/private");
    expect(page.status).toBe(307);
    expect((await bad.json("POST", "/api/sessions/refresh")).status).toBe(401);
  });

  it("rejections are counted by reason and logged without the cookie value", async () => {
    const bad = new Client(server.baseUrl);
    const value = "Fe26.2*1*forged*cookie*value*0*mac*mac~2";
    bad.cookies.set(COOKIE, value);
    await status(bad);
    const health = await (await fetch(`${server.baseUrl}/api/health`)).json();
    expect(health.sessionCookiesRejected.invalid).toBeGreaterThan(0);
    const { readFileSync } = await import("node:fs");
    const log = readFileSync(server.logFile, "utf8");
    expect(log).toMatch(/"event":"session_cookie_rejected","reason":"invalid"/);
    expect(log).not.toContain("forged*cookie");
  });
});
