import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminFixture } from "../support/admin-users";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { asAdmin, createTestDatabase, withConnection } from "../support/postgres";
import type { DeviceBody } from "./devices-support";
import { copyOf, expectJson } from "./helpers";

/**
 * Issue 14 §2 (PostgreSQL only): each instance answers the session check from its own cache, kept current by
 * LISTEN/NOTIFY (migration 0012, `postgres-revocation-feed.ts`), and a revocation on instance A is refused on
 * instance B although B had the session cached. The target is "within one second"; the bound asserted is
 * `REFUSED_WITHIN_MS`, below the cache's 5 s TTL, so a feed that delivers nothing fails here rather than
 * passing on the TTL backstop.
 */
const APP_ORIGIN = "https://gate.example.test";
const REFUSED_WITHIN_MS = 3_000;
const FEED = "iron-gate-revocation-feed";

let a: AppServer;
let b: AppServer;
let databaseUrl = "";
let databaseName = "";
let fixture: AdminFixture;

beforeAll(async () => {
  const database = await createTestDatabase();
  databaseUrl = database.url;
  databaseName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const shared = {
    DATABASE_URL: databaseUrl,
    SESSION_SECRETS: `1:${randomBytes(32).toString("base64url")}`,
    APP_ORIGIN,
    TRUST_PROXY: "1",
    // At the default 5 s TTL, as deployed.
  };
  [a, b] = await Promise.all([startAppServer("feed-a", shared), startAppServer("feed-b", shared)]);
  fixture = new AdminFixture(a.baseUrl, databaseUrl);
  await feedsListening(2);
});

afterAll(async () => {
  await asAdmin((client) => client.query(`alter database ${databaseName} allow_connections true`)).catch(() => {});
  await fixture?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

function send(client: Client, method: string, path: string, body?: unknown): Promise<Response> {
  return client.json(method, path, body, { origin: APP_ORIGIN, "x-forwarded-for": "203.0.113.9" });
}

async function who(client: Client): Promise<{ status: number; email: string | null }> {
  const response = await send(client, "GET", "/api/sessions");
  if (response.status !== 200) return { status: response.status, email: null };
  const body = (await response.json()) as { user: { email: string } | null };
  return { status: 200, email: body.user?.email ?? null };
}

/** Signs up on A; B has the copied cookie in use (so in its cache). */
async function signedUpAndCachedOnB(): Promise<{ onA: Client; onB: Client; email: string }> {
  const onA = new Client(a.baseUrl);
  const email = uniqueEmail("feed");
  await expectJson(await send(onA, "POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  const onB = copyOf(onA, b.baseUrl);
  await warm(onB, email);
  return { onA, onB, email };
}

/**
 * Uses the cookie on B until B has it cached under B's latest own write: the first use on B records the
 * device's activity off the request (a write, which clears B's cache), so wait for it and use it again.
 * Without this a test could pass on that write instead of on the feed.
 */
async function warm(client: Client, email: string): Promise<void> {
  for (let i = 0; i < 2; i++) expect(await who(client)).toEqual({ status: 200, email });
  await sleep(300);
  for (let i = 0; i < 2; i++) expect(await who(client)).toEqual({ status: 200, email });
}

/** Polls B until it refuses the session; a signed-in answer after the bound fails. Never a user past it. */
async function expectRefusedOnB(client: Client): Promise<void> {
  const started = Date.now();
  const seen: string[] = [];
  for (;;) {
    const { status, email } = await who(client);
    seen.push(`${status}:${email ?? "-"}`);
    if (email === null) return;
    if (Date.now() - started > REFUSED_WITHIN_MS) break;
    await sleep(25);
  }
  throw new Error(`still signed in on B after ${REFUSED_WITHIN_MS} ms: ${seen.join(",")}`);
}

async function feedsListening(count: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const n = await withConnection(databaseUrl, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where datname = $1 and application_name = $2 and query <> ''",
        [databaseName, FEED],
      );
      return Number(rows[0]?.n ?? 0);
    });
    if (n >= count) return;
    if (Date.now() - started > 15_000) throw new Error(`only ${n} revocation feeds listening`);
    await sleep(100);
  }
}

/** Runs `during` while a transaction of the test holds an exclusive lock on `users`: no query reads it. */
async function withUsersLocked<T>(during: () => Promise<T>): Promise<T> {
  return withConnection(databaseUrl, async (client: pg.Client) => {
    await client.query("begin");
    await client.query("lock table users in access exclusive mode");
    try {
      return await during();
    } finally {
      await client.query("rollback");
    }
  });
}

describe("two instances, one cache each, one feed (issue 14 §2)", () => {
  it("B answers a cached session without reading users (no round trip)", async () => {
    const { onB, email } = await signedUpAndCachedOnB();
    // With `users` locked, a query would wait into the statement timeout (503); the cache answers at once.
    const answer = await withUsersLocked(() => who(onB));
    expect(answer).toEqual({ status: 200, email });
  });

  it("a sign-out on A is refused on B", async () => {
    const { onA, onB } = await signedUpAndCachedOnB();
    await expectJson(await send(onA, "POST", "/api/logout"), 200);
    await expectRefusedOnB(onB);
  });

  it("'sign out everywhere' on A is refused on B, for the copied cookie and for B's own sign-in", async () => {
    const { onA, onB, email } = await signedUpAndCachedOnB();
    const ownOnB = new Client(b.baseUrl);
    await expectJson(await send(ownOnB, "POST", "/api/sessions", { email, password: STRONG_PASSWORD }), 200);
    await warm(ownOnB, email);
    // A fresh sign-up counts as the step-up confirmation.
    await expectJson(await send(onA, "DELETE", "/api/sessions?scope=all"), 200);
    await expectRefusedOnB(onB);
    await expectRefusedOnB(ownOnB);
  });

  it("a device signed out on A (DELETE /api/account/sessions/:id) is refused on B", async () => {
    const { onA, email } = await signedUpAndCachedOnB();
    const onB = new Client(b.baseUrl);
    await expectJson(await send(onB, "POST", "/api/sessions", { email, password: STRONG_PASSWORD }), 200);
    await warm(onB, email);
    const listed = (await expectJson<{ sessions: DeviceBody[] }>(await send(onA, "GET", "/api/account/sessions")))
      .sessions;
    const target = listed.find((device) => !device.current);
    expect(target).toBeDefined();
    await expectJson(await send(onA, "DELETE", `/api/account/sessions/${target?.id}`));
    await expectRefusedOnB(onB);
  });

  it("an admin's disable on A is refused on B", async () => {
    const admin = await fixture.user({ admin: true, label: "feed-admin" });
    const { onB, email } = await signedUpAndCachedOnB();
    const victimId = (
      await (
        await fixture.database()
      )
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).id;
    await expectJson(await send(admin.client, "PATCH", `/api/admin/users/${victimId}`, { disabled: true }));
    await expectRefusedOnB(onB);
  });
});

describe("the feed lost (issue 14 §2: never fail open)", () => {
  it("while B's listener is gone a revocation is refused, after the reconnect too, and caching resumes", async () => {
    const first = await signedUpAndCachedOnB();
    const second = await signedUpAndCachedOnB();
    // The second's first use on B wrote its activity (clearing B's cache): the first is cached again.
    await warm(first.onB, first.email);
    // No new connection may open (superusers included): the feeds cannot come back while this holds.
    await asAdmin((client) => client.query(`alter database ${databaseName} allow_connections false`));
    try {
      const killed = await asAdmin((client) =>
        client.query<{ ended: string }>(
          "select count(*) filter (where pg_terminate_backend(pid)) as ended from pg_stat_activity where datname = $1 and application_name = $2",
          [databaseName, FEED],
        ),
      );
      expect(Number(killed.rows[0]?.ended)).toBe(2);
      await sleep(300); // both instances have noticed
      // Revoked while no one listens: the notifications are lost for good.
      await expectJson(await send(first.onA, "POST", "/api/logout"), 200);
      await expectJson(await send(second.onA, "POST", "/api/logout"), 200);
      // B queries while its feed is down (a 503 would be refused too, but the pool's connections are up).
      await expectRefusedOnB(first.onB);
    } finally {
      await asAdmin((client) => client.query(`alter database ${databaseName} allow_connections true`));
    }
    await feedsListening(2);
    // The session revoked in the gap and not asked about since: the catch-up dropped B's entry.
    expect(await who(second.onB)).toEqual({ status: 200, email: null });
    // And B caches again.
    const third = await signedUpAndCachedOnB();
    expect(await withUsersLocked(() => who(third.onB))).toEqual({ status: 200, email: third.email });
  });
});
