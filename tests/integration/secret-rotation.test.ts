import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";

const COOKIE = "__Host-iron-gate-session";
const OLD = randomBytes(32).toString("base64url");
const NEW = randomBytes(32).toString("base64url");

async function withServer<T>(secrets: string, run: (server: AppServer) => Promise<T>): Promise<T> {
  const server = await startAppServer("rotation", { SESSION_SECRETS: secrets }, { keepData: true });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

const passwordId = (seal: string | undefined): string | undefined => /^Fe26\.2\*(\d+)\*/.exec(seal ?? "")?.[1];

async function signedIn(client: Client): Promise<boolean> {
  return ((await (await client.request("/api/sessions")).json()) as { user: unknown }).user !== null;
}

describe("secret rotation (R20)", () => {
  it("keeps old cookies valid, re-seals them with the newest id, and signs out a removed id", async () => {
    const email = uniqueEmail("rotation");
    let sealedWithOld = "";
    await withServer(`1:${OLD}`, async (server) => {
      const client = new Client(server.baseUrl);
      expect((await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD })).status).toBe(201);
      sealedWithOld = client.cookies.get(COOKIE) ?? "";
      expect(passwordId(sealedWithOld)).toBe("1");
    });

    let sealedWithNew = "";
    await withServer(`2:${NEW},1:${OLD}`, async (server) => {
      const client = new Client(server.baseUrl);
      client.cookies.set(COOKIE, sealedWithOld);
      expect(await signedIn(client)).toBe(true);
      expect(passwordId(client.cookies.get(COOKIE))).toBe("1"); // a status read rewrites nothing
      const page = await client.request("/private");
      expect(page.status).toBe(200);
      sealedWithNew = client.cookies.get(COOKIE) ?? "";
      expect(passwordId(sealedWithNew)).toBe("2");
      expect(await signedIn(client)).toBe(true);
    });

    await withServer(`2:${NEW}`, async (server) => {
      const stale = new Client(server.baseUrl);
      stale.cookies.set(COOKIE, sealedWithOld);
      expect(await signedIn(stale)).toBe(false);
      const current = new Client(server.baseUrl);
      current.cookies.set(COOKIE, sealedWithNew);
      expect(await signedIn(current)).toBe(true);
      const health = await (await fetch(`${server.baseUrl}/api/health`)).json();
      expect(health.sessionCookiesRejected["unknown-password"]).toBeGreaterThan(0);
    });
  });

  it("SESSION_SECRET alone is id 1, so moving to a list signs nobody out", async () => {
    const email = uniqueEmail("single");
    let seal = "";
    const single = await startAppServer("rotation", { SESSION_SECRET: OLD }, { keepData: true });
    try {
      const client = new Client(single.baseUrl);
      expect((await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD })).status).toBe(201);
      seal = client.cookies.get(COOKIE) ?? "";
    } finally {
      await single.stop();
    }
    await withServer(`2:${NEW},1:${OLD}`, async (server) => {
      const client = new Client(server.baseUrl);
      client.cookies.set(COOKIE, seal);
      expect(await signedIn(client)).toBe(true);
    });
  });
});
