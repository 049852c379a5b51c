import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEvents } from "../security/support";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, parseSetCookie, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";

// Short limits so that real time can run them out: idle 6 s (re-seal every 600 ms), absolute 16 s. Every
// wait below is "until the server's own timestamps say so" plus at least a second, never a tight margin.
// The warning must be shorter than the idle limit, or the server refuses to start.
const IDLE_MS = 6_000;
const MAX_AGE_MS = 16_000;
const REFRESH_MS = IDLE_MS / 10;
let server: AppServer;
const COOKIE = "__Host-iron-gate-session";

beforeAll(async () => {
  server = await startAppServer("lifecycle", {
    SESSION_IDLE_TIMEOUT: "6s",
    SESSION_MAX_AGE: "16s",
    SESSION_WARNING: "1s",
  });
});
afterAll(() => server.stop());

const emails = new Map<Client, string>();

async function signedUp(): Promise<Client> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("life");
  const response = await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD });
  expect(response.status).toBe(201);
  emails.set(client, email);
  return client;
}

interface Status {
  user: unknown;
  reason?: string;
  idleExpiresAt?: number;
  absoluteExpiresAt?: number;
  serverNow: number;
}

async function status(client: Client): Promise<Status> {
  const response = await client.request("/api/sessions");
  expect(response.headers.getSetCookie()).toEqual([]);
  return response.json();
}

const secrets = () => ({ "1": server.env.SESSION_SECRET ?? "" });
const seal = async (client: Client) => openSeal(client.cookies.get(COOKIE) ?? "", secrets());
const sealOf = (header: string) => openSeal(parseSetCookie(header).value, secrets());
/** Waits until the clock (the server's: same machine) has passed `at`. */
const until = (at: number) => sleep(Math.max(0, at - Date.now()));

/** Copies a client's cookies: a second browser, or the same browser's cookie at an earlier moment. */
function copyOf(client: Client): Client {
  const copy = new Client(server.baseUrl);
  for (const [name, value] of client.cookies) copy.cookies.set(name, value);
  return copy;
}

describe.concurrent("idle and absolute limits, enforced by the server (R12, R13)", () => {
  it("a request inside the idle window slides it, and the server answers from the seal's timestamps", async () => {
    const client = await signedUp();
    const before = await seal(client);
    const signedInAt = before?.lastSeenAt ?? 0;
    await until(signedInAt + IDLE_MS / 2);
    const page = await client.request("/private");
    expect(page.status).toBe(200);
    const after = await seal(client);
    expect(after?.lastSeenAt).toBeGreaterThan(signedInAt);
    expect(after?.sid).toBe(before?.sid);
    await until(signedInAt + IDLE_MS + 500); // past the first idle limit, about 2.5 s inside the slid one
    const body = await status(client);
    expect(body).toMatchObject({ user: { email: expect.any(String) } });
    expect(body.serverNow).toBeGreaterThan(signedInAt + IDLE_MS);
    expect(body.idleExpiresAt).toBe((after?.lastSeenAt ?? 0) + IDLE_MS);
  });

  it("the cookie lives until the absolute limit, so the server can still say why past the idle one", async () => {
    const client = await signedUp();
    const data = await seal(client);
    await until((data?.lastSeenAt ?? 0) + REFRESH_MS + 200);
    const page = await client.request("/private"); // the proxy re-seals: the same rule
    const resealed = page.headers.getSetCookie().map(parseSetCookie)[0];
    expect(resealed, "the proxy re-sealed").toBeDefined();
    // Max-Age is what is left of the absolute limit (about 16 s), not of the idle window (6 s).
    expect(Number(resealed?.attributes["max-age"])).toBeGreaterThan(IDLE_MS / 1000 + 2);
    expect(Number(resealed?.attributes["max-age"])).toBeLessThanOrEqual(MAX_AGE_MS / 1000);
  });

  it("a status read never extends the session; the expiry is recorded once", async ({ expect }) => {
    const client = await signedUp();
    const data = await seal(client);
    const lastSeenAt = data?.lastSeenAt ?? 0;
    for (let i = 1; i <= 3; i++) {
      await until(lastSeenAt + i * 1_500);
      expect(await status(client)).toMatchObject({ user: { email: expect.any(String) } });
    }
    // Had the reads extended it, the session would last until about 4.5 s + 6 s.
    await until(lastSeenAt + IDLE_MS + 1_000);
    expect(await status(client)).toMatchObject({ user: null, reason: "expired" });
    expect(await status(client)).toMatchObject({ user: null, reason: "expired" });
    const page = await client.request("/private");
    expect(page.headers.get("location")).toBe("/login?next=%2Fprivate&reason=expired");
    const rows = async () =>
      (await readAuthEvents(server.databaseUrl)).filter((row) => row.id === `expired:${data?.sid}`);
    await expect.poll(async () => (await rows()).length, { timeout: 10_000 }).toBe(1);
    expect((await rows())[0]).toMatchObject({ event: "session_expired", detail: "expired", user_id: data?.uid });
  });

  it("the absolute limit wins over activity", async () => {
    const client = await signedUp();
    let body: { idleExpiresAt: number; absoluteExpiresAt: number } | null = null;
    // Extend once a second until the idle limit is capped by the absolute one (about 10 s in).
    for (let capped = false; !capped; await sleep(1_000)) {
      const response = await client.json("POST", "/api/sessions/refresh");
      expect(response.status).toBe(200);
      body = await response.json();
      capped = body?.idleExpiresAt === body?.absoluteExpiresAt;
    }
    await until((body?.absoluteExpiresAt ?? 0) + 1_000);
    expect(await status(client)).toMatchObject({ user: null, reason: "ended" });
    const refused = await client.json("POST", "/api/sessions/refresh");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized", reason: "ended" } });
  });
});

describe("the proxy's refresh and the handler's own cookie", () => {
  /** A signed-up client whose seal is older than the refresh interval: the proxy re-seals it on activity. */
  async function dueForReseal(): Promise<Client> {
    const client = await signedUp();
    await until(((await seal(client))?.lastSeenAt ?? 0) + REFRESH_MS + 200);
    return client;
  }

  it("the handler's Set-Cookie comes last and wins, so revoke-others keeps this session", async () => {
    const client = await dueForReseal();
    const response = await client.json("POST", "/api/sessions/revoke-others");
    expect(response.status).toBe(200);
    // The proxy's re-seal, then the handler's (the kept-proof cookie beside them is another name).
    const cookies = response.headers.getSetCookie().filter((header) => !header.includes("-kept="));
    expect(cookies).toHaveLength(2);
    const [fromProxy, fromHandler] = await Promise.all(cookies.map(sealOf));
    expect((fromHandler?.ver ?? 0) - (fromProxy?.ver ?? 0)).toBe(1);
    // The handler's cookie keeps the slide the proxy made: the request was activity.
    expect(fromHandler?.lastSeenAt ?? 0).toBeGreaterThanOrEqual(fromProxy?.lastSeenAt ?? Number.POSITIVE_INFINITY);
    expect(await status(client)).toMatchObject({ user: { email: expect.any(String) } });
  });

  it("a re-seal in flight during revoke-others, landing after it, does not sign this session out", async () => {
    const client = await dueForReseal();
    const elsewhere = new Client(server.baseUrl);
    const signIn = await elsewhere.json("POST", "/api/sessions", {
      email: emails.get(client),
      password: STRONG_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    // The browser's activity request, sent with the cookie it has: the proxy re-seals it, old version...
    const inFlight = copyOf(client);
    expect((await inFlight.request("/private")).headers.getSetCookie()).toHaveLength(1);
    // ...revoke-others, sent with that same cookie, answers with the new version...
    expect((await client.json("POST", "/api/sessions/revoke-others")).status).toBe(200);
    // ...and the proxy's cookie arrives last, so it is the one the browser keeps, beside the kept-proof
    // cookie of the bump's answer (which no re-seal touches): still this session.
    const proof = [...client.cookies].find(([name]) => name.endsWith("-kept"));
    expect(proof, "revoke-others set the kept-proof cookie").toBeDefined();
    const bare = copyOf(inFlight);
    inFlight.cookies.set(...(proof as [string, string]));
    expect(await status(inFlight)).toMatchObject({ user: { email: emails.get(client) } });
    // Without the proof the same seal is a copy taken before the bump, such as a thief's: dead (R15, R17).
    expect(await status(bare)).toMatchObject({ user: null, reason: "revoked" });
    expect(await status(elsewhere)).toMatchObject({ user: null, reason: "revoked" });
    // It is upgraded on its next write, and the next bump ends any copy still at the old version.
    const refreshed = copyOf(inFlight);
    expect((await refreshed.json("POST", "/api/sessions/refresh")).status).toBe(200);
    expect((await seal(refreshed))?.ver).toBe((await seal(client))?.ver);
    expect((await client.json("POST", "/api/sessions/revoke-others")).status).toBe(200);
    expect(await status(inFlight)).toMatchObject({ user: null, reason: "revoked" });
    expect(await status(client)).toMatchObject({ user: { email: emails.get(client) } });
  });

  it("a sign-out cannot be undone by a refresh: a cookie re-sealed before it is dead too", async () => {
    const client = await dueForReseal();
    const page = await client.request("/private"); // the proxy re-seals here
    expect(page.headers.getSetCookie()).toHaveLength(1);
    const resealed = copyOf(client);
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
