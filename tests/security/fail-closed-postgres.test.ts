import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson, expectLoginRedirect } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { asAdmin, createTestDatabase, withConnection } from "../support/postgres";
import { startTcpRelay, type TcpRelay } from "../support/tcp-relay";

/**
 * Issue 10 §3, the PostgreSQL twin of fail-closed.test.ts: the database refused, its connections killed, the
 * pool used up, a statement past its timeout. The API answers 503 service_unavailable with Retry-After, pages
 * treat the visitor as signed out, never a 500, never a hang; and the same server process recovers by itself.
 * The app reaches PostgreSQL through a TCP relay the test can close (refused) and reopen.
 */
const SETTINGS = { DATABASE_POOL_MAX: "1", DATABASE_CONNECT_TIMEOUT: "1s", DATABASE_STATEMENT_TIMEOUT: "3s" };
/** Longer than the statement timeout (3 s) plus the wait for the only connection (1 s): answers come first. */
const HOLD_MS = 8_000;
const COOKIE = "__Host-iron-gate-session";

let server: AppServer;
let relay: TcpRelay;
let databaseUrl = "";
let email = "";
let seal = "";

beforeAll(async () => {
  databaseUrl = (await createTestDatabase()).url;
  const target = new URL(databaseUrl);
  relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = new URL(databaseUrl);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(relay.port);
  server = await startAppServer("fail-closed-postgres", { ...SETTINGS, DATABASE_URL: relayed.toString() });
  email = uniqueEmail("pg-down");
  const client = new Client(server.baseUrl);
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  seal = client.cookies.get(COOKIE) ?? "";
});

afterAll(async () => {
  await server?.stop();
  await relay?.close();
});

function signedInClient(): Client {
  const client = new Client(server.baseUrl);
  client.cookies.set(COOKIE, seal);
  return client;
}

async function expect503(response: Response, label: string): Promise<void> {
  expect(response.headers.get("retry-after") ?? "", label).toMatch(/^\d+$/);
  const text = await response.clone().text();
  expect(text, "a generic body: no SQL, no driver message, no address").not.toMatch(
    /postgres|ECONNREFUSED|terminat|timeout exceeded|insert into|select |5432|\/work\//i,
  );
  await expectError(response, 503, "service_unavailable");
}

/** Runs `during` and fails if it has not settled after `ms` (a hang), without waiting for it past that. */
async function within<T>(ms: number, label: string, during: () => Promise<T>): Promise<T> {
  const work = during();
  const settled = await Promise.race([work.then(() => true), sleep(ms).then(() => false)]);
  expect(settled, `${label}: no answer within ${ms} ms`).toBe(true);
  return work;
}

/** Whether the server answers the everyday requests normally again. */
async function recovered(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await fetch(`${server.baseUrl}/api/health`)).status !== 200) {
    expect(Date.now() < deadline, "the server did not recover by itself").toBe(true);
    await sleep(100);
  }
  const body = (await (await signedInClient().request("/api/sessions")).json()) as { user: { email: string } | null };
  expect(body.user?.email).toBe(email);
  const signIn = await new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
  await expectJson(signIn, 200);
}

/** Holds an ACCESS EXCLUSIVE lock on `table` from a connection of the test's own while `during` runs. */
async function whileLocked<T>(table: "users" | "throttles", during: () => Promise<T>): Promise<T> {
  return withConnection(databaseUrl, async (admin) => {
    await admin.query("begin");
    try {
      await admin.query(`lock table ${table} in access exclusive mode`);
      return await within(HOLD_MS, `locked ${table}`, during);
    } finally {
      await admin.query("rollback");
    }
  });
}

describe("PostgreSQL refuses connections", () => {
  it("the API answers 503 with Retry-After, pages say signed out; once it is back the same process serves again", async () => {
    await relay.close();
    try {
      const answers = await within(HOLD_MS, "refused", async () => ({
        signUp: await new Client(server.baseUrl).json("POST", "/api/users", {
          email: uniqueEmail("refused"),
          password: STRONG_PASSWORD,
        }),
        signIn: await new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }),
        page: await signedInClient().request("/private"),
        health: await fetch(`${server.baseUrl}/api/health`),
      }));
      await expect503(answers.signUp, "sign-up");
      await expect503(answers.signIn, "sign-in");
      expect(answers.signIn.headers.getSetCookie(), "no session without the database").toEqual([]);
      expectLoginRedirect(answers.page, server.baseUrl, "/private");
      expect(answers.health.status).toBe(503);
    } finally {
      await relay.open();
    }
    await recovered();
  });
});

describe("PostgreSQL kills the connections mid-traffic", () => {
  it("every answer is a success or a 503, never a 500; afterwards it serves normally", async () => {
    let killing = true;
    const killer = asAdmin(async (admin) => {
      const name = new URL(databaseUrl).pathname.slice(1);
      while (killing) {
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
        await sleep(50);
      }
    });
    try {
      const statuses = await within(30_000, "traffic", () =>
        Promise.all(
          Array.from({ length: 24 }, async (_, i) => {
            await sleep(i * 40);
            const response =
              i % 3 === 0
                ? await new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD })
                : await signedInClient().request(i % 3 === 1 ? "/api/sessions" : "/private");
            if (response.status === 503) await expect503(response, `request ${i}`);
            return response.status;
          }),
        ),
      );
      expect(
        statuses.every((status) => [200, 307, 503].includes(status)),
        statuses.join(","),
      ).toBe(true);
    } finally {
      killing = false;
      await killer;
    }
    await recovered();
  });
});

describe("a statement past its timeout, and the pool used up", () => {
  it("sign-up while `users` is locked: 503 after the statement timeout, nothing half-written", async () => {
    const fresh = uniqueEmail("pg-locked");
    const response = await whileLocked("users", () =>
      new Client(server.baseUrl).json("POST", "/api/users", { email: fresh, password: STRONG_PASSWORD }),
    );
    await expect503(response, "sign-up");
    await expectJson(
      await new Client(server.baseUrl).json("POST", "/api/users", { email: fresh, password: STRONG_PASSWORD }),
      201,
    );
  });

  it("with the only connection stuck behind a lock, the next requests get 503 instead of queueing forever", async () => {
    const answers = await whileLocked("users", async () => {
      const stuck = new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
      await sleep(300);
      const waiting = await new Client(server.baseUrl).json("POST", "/api/sessions", {
        email,
        password: STRONG_PASSWORD,
      });
      return { waiting, page: await signedInClient().request("/private"), stuck: await stuck };
    });
    await expect503(answers.waiting, "the request waiting for a connection");
    await expect503(answers.stuck, "the request holding the connection");
    expectLoginRedirect(answers.page, server.baseUrl, "/private");
    await recovered();
  });
});
