import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { sqlitePath } from "./support";

/**
 * Decision 8 / section C.4-C.5: when SQLite stays locked past the server's 5 s busy timeout, writes answer
 * 503 service_unavailable with Retry-After (never a 500, never a success), nobody is signed in, and nothing
 * is half-written: once the lock is gone the same email signs up normally.
 */
const HOLD_MS = 7_000;
let server: AppServer;
let knownEmail = "";

beforeAll(async () => {
  server = await startAppServer("fail-closed");
  knownEmail = uniqueEmail("locked");
  await expectJson(
    await new Client(server.baseUrl).json("POST", "/api/users", { email: knownEmail, password: STRONG_PASSWORD }),
    201,
  );
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Holds SQLite's write lock (BEGIN IMMEDIATE on the server's own file) while `during` runs, for at least
 * `HOLD_MS` unless `during` settles later, and always releases it.
 */
async function whileLocked<T>(during: () => Promise<T>): Promise<T> {
  // Waits for the lock like the server does: a write the server is finishing (an audit row queued by the
  // test before, retried once that lock went) must not make taking the lock fail outright.
  const db = new DatabaseSync(sqlitePath(server.databaseUrl), { timeout: 5_000 });
  db.exec("BEGIN IMMEDIATE");
  try {
    const work = during();
    // The lock is released after HOLD_MS at the latest; the answers must come before that (5 s busy timeout).
    const settled = await Promise.race([work.then(() => true), sleep(HOLD_MS).then(() => false)]);
    expect(settled, `no answer while the database was locked for ${HOLD_MS} ms`).toBe(true);
    return await work;
  } finally {
    db.exec("ROLLBACK");
    db.close();
  }
}

async function expect503(response: Response, client: Client, label: string): Promise<void> {
  expect(response.headers.get("retry-after") ?? "", label).toMatch(/^\d+$/);
  expect(response.headers.getSetCookie(), label).toEqual([]);
  expect(client.cookies.size, label).toBe(0);
  const text = await response.clone().text();
  expect(text, "a generic body: no SQL, no stack, no path").not.toMatch(
    /sqlite|database is locked|insert into|select |\.db\b|\/work\//i,
  );
  await expectError(response, 503, "service_unavailable");
}

describe("decision 8: a locked database fails closed", () => {
  it("sign-up during a 7 s write lock: 503 with Retry-After after the busy timeout; afterwards the email is still free", async () => {
    const email = uniqueEmail("during-lock");
    const client = new Client(server.baseUrl);
    const started = Date.now();
    const response = await whileLocked(() => client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }));
    expect(Date.now() - started, "the server waits for its busy timeout first").toBeGreaterThanOrEqual(4_000);
    await expect503(response, client, "sign-up");
    // Nothing half-written: the account does not exist, so it can be created now, and used.
    await expectJson(
      await new Client(server.baseUrl).json("POST", "/api/users", { email, password: STRONG_PASSWORD }),
      201,
    );
    const signIn = await new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
    await expectJson(signIn, 200);
  });

  it("sign-in with valid credentials during the lock: 503, no session cookie (fail closed)", async () => {
    const client = new Client(server.baseUrl);
    const response = await whileLocked(() =>
      client.json("POST", "/api/sessions", { email: knownEmail, password: STRONG_PASSWORD }),
    );
    await expect503(response, client, "sign-in");
  });

  it("while one request waits for the lock, the rest of the server keeps answering (the wait does not block the process)", async () => {
    const waiting = new Client(server.baseUrl);
    const timings = await whileLocked(async () => {
      const signUp = waiting.json("POST", "/api/users", { email: uniqueEmail("blocked"), password: STRONG_PASSWORD });
      await sleep(300);
      const started = Date.now();
      const health = await fetch(`${server.baseUrl}/api/health`);
      const healthMs = Date.now() - started;
      return { healthMs, healthStatus: health.status, signUp: await signUp };
    });
    expect(timings.signUp.status).toBe(503);
    expect(timings.healthStatus).toBe(200);
    expect(timings.healthMs, "GET /api/health took as long as the lock wait: the event loop was blocked").toBeLessThan(
      2_000,
    );
  });

  it("the server is healthy again once the lock is released", async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});

describe("a sign-out while the database is locked", () => {
  it("still clears this browser's cookie, and says 503 because the session id could not be recorded", async () => {
    const client = new Client(server.baseUrl);
    await expectJson(await client.json("POST", "/api/sessions", { email: knownEmail, password: STRONG_PASSWORD }), 200);
    const response = await whileLocked(() => client.json("POST", "/api/logout"));
    expect(response.status).toBe(503);
    const cleared = response.headers.getSetCookie().find((header) => header.startsWith("__Host-iron-gate-session="));
    expect(cleared, "the cookie is cleared even though the database could not answer").toMatch(/Max-Age=0/);
    expect(client.cookies.size).toBe(0);
  });
});
