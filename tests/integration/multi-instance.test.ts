import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { createTestDatabase, terminateConnections } from "../support/postgres";
import { copyOf, currentUser, expectError, expectJson } from "./helpers";

/**
 * Issue 10 §4 (PostgreSQL only): two `next start` instances on one fresh PostgreSQL database, with the same
 * SESSION_SECRETS and APP_ORIGIN, as behind one load balancer. Whatever one instance decides, the other
 * knows at once: the database is the only thing they share.
 */
const APP_ORIGIN = "https://gate.example.test";
/** THROTTLE_ACCOUNT_FREE_FAILURES's default (src/lib/config/env.ts); the next failure waits 30 s. */
const FREE_FAILURES = 5;
const NEW_PASSWORD = "marble harbor violin cactus meadow";
/**
 * After every connection is killed, an idle pool's next query opens a fresh one: milliseconds on an idle
 * machine. 5 s is the bound we defend on a busy 2-core machine running other suites; a pool that never
 * recovers, or only after its own timeouts (5 s connect + 5 s statement), fails it.
 */
const RECOVERY_MS = 5_000;

let a: AppServer;
let b: AppServer;
let databaseUrl = "";

beforeAll(async () => {
  databaseUrl = (await createTestDatabase()).url;
  const shared = {
    DATABASE_URL: databaseUrl,
    SESSION_SECRETS: `1:${randomBytes(32).toString("base64url")}`,
    APP_ORIGIN,
    // One proxy in front appends the client's address, as the load balancer would.
    TRUST_PROXY: "1",
  };
  // Started together: both migrate the empty database at once, under the advisory lock.
  [a, b] = await Promise.all([startAppServer("instance-a", shared), startAppServer("instance-b", shared)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** A JSON request as a browser on the public origin sends it, through the load balancer (from `ip`). */
function send(client: Client, method: string, path: string, body?: unknown, ip = "203.0.113.1"): Promise<Response> {
  return client.json(method, path, body, { origin: APP_ORIGIN, "x-forwarded-for": ip });
}

async function signUpOn(server: AppServer): Promise<{ client: Client; email: string }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("multi");
  await expectJson(await send(client, "POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  return { client, email };
}

async function signInOn(server: AppServer, email: string, password = STRONG_PASSWORD): Promise<Client> {
  const client = new Client(server.baseUrl);
  await expectJson(await send(client, "POST", "/api/sessions", { email, password }), 200);
  return client;
}

describe("two instances, one database: sessions", () => {
  it("a cookie issued by one instance is accepted by the other", async () => {
    const { client, email } = await signUpOn(a);
    expect(await currentUser(copyOf(client, b.baseUrl))).toMatchObject({ email });
    expect((await copyOf(client, b.baseUrl).request("/private")).status).toBe(200);
  });

  it("a sign-out on one instance kills the copied cookie on the other at once", async () => {
    const { client, email } = await signUpOn(a);
    const onB = copyOf(client, b.baseUrl);
    expect(await currentUser(onB)).toMatchObject({ email });
    await expectJson(await send(client, "POST", "/api/logout"), 200);
    expect(await currentUser(onB)).toBeNull();
  });

  it("'sign out everywhere' on one instance ends the sessions the other serves", async () => {
    const { client, email } = await signUpOn(a);
    const servedByB = await signInOn(b, email);
    expect(await currentUser(servedByB)).toMatchObject({ email });
    // A fresh sign-up counts as the step-up confirmation.
    await expectJson(await send(client, "DELETE", "/api/sessions?scope=all"), 200);
    expect(await currentUser(servedByB)).toBeNull();
    expect(await currentUser(copyOf(client, b.baseUrl))).toBeNull();
  });

  it("a password change on one instance ends the other sessions the other serves; the changer's goes on", async () => {
    const { client, email } = await signUpOn(b);
    const servedByA = await signInOn(a, email);
    const change = { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD };
    await expectJson(await send(client, "POST", "/api/account/password", change), 200);
    expect(await currentUser(servedByA)).toBeNull();
    expect(await currentUser(copyOf(client, a.baseUrl))).toMatchObject({ email });
    await expectJson(await send(await signInOn(a, email, NEW_PASSWORD), "GET", "/api/sessions"), 200);
  });
});

describe("two instances, one database: throttling and sign-up races", () => {
  it("throttling counts the failures made on both instances", async () => {
    const { email } = await signUpOn(a);
    const wrong = { email, password: "not the password at all" };
    // 3 on A and 2 on B: neither instance alone has seen the free failures run out.
    for (const server of [a, a, a, b, b]) {
      await expectError(
        await send(new Client(server.baseUrl), "POST", "/api/sessions", wrong),
        401,
        "invalid_credentials",
      );
    }
    for (const server of [a, b]) {
      const right = await send(new Client(server.baseUrl), "POST", "/api/sessions", {
        email,
        password: STRONG_PASSWORD,
      });
      await expectError(right, 429, "too_many_requests");
    }
  });

  it("20 concurrent sign-ups of one email over both instances: one account, every other answer 409", async () => {
    const email = uniqueEmail("race");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(new Client((i % 2 === 0 ? a : b).baseUrl), "POST", "/api/users", { email, password: STRONG_PASSWORD }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(
      statuses.filter((status) => status === 201),
      statuses.join(","),
    ).toHaveLength(1);
    for (const response of responses.filter((each) => each.status !== 201)) {
      await expectError(response, 409, "email_taken");
    }
    const db = await openDatabase(databaseUrl);
    try {
      const rows = await db.selectFrom("users").select("id").where("email", "=", email).execute();
      expect(rows).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it("16 concurrent wrong passwords for one account over both instances: at most the free failures get through", async () => {
    const { email } = await signUpOn(b);
    // From 16 addresses, so only the account's own row decides (one address's bucket would queue them).
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        send(
          new Client((i % 2 === 0 ? a : b).baseUrl),
          "POST",
          "/api/sessions",
          { email, password: `wrong ${i} pw` },
          `198.51.100.${i + 1}`,
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const through = statuses.filter((status) => status === 401).length;
    expect(through, statuses.join(",")).toBeGreaterThanOrEqual(1);
    expect(through, statuses.join(",")).toBeLessThanOrEqual(FREE_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(16 - through);
  });
});

describe("two instances, one database: connections killed", () => {
  it("after pg_terminate_backend on every connection, both instances serve again within seconds", async () => {
    const { client, email } = await signUpOn(a);
    const clients = [client, copyOf(client, b.baseUrl)];
    for (const each of clients) expect(await currentUser(each)).toMatchObject({ email });
    await sleep(200); // both pools idle
    expect(await terminateConnections(databaseUrl)).toBeGreaterThanOrEqual(2);
    const killedAt = Date.now();
    const recoveredAfter = await Promise.all(
      clients.map(async (each) => {
        const seen: number[] = [];
        // A generous overall limit, so a slow recovery is reported with its time rather than as a hang.
        while (Date.now() - killedAt < 30_000) {
          const response = await each.request("/api/sessions");
          seen.push(response.status);
          const body = (await response.json()) as { user: { email: string } | null };
          if (response.status === 200 && body.user?.email === email) return { ms: Date.now() - killedAt, seen };
          await sleep(50);
        }
        return { ms: Number.POSITIVE_INFINITY, seen };
      }),
    );
    for (const { ms, seen } of recoveredAfter) {
      expect(
        seen.every((status) => status === 200 || status === 503),
        seen.join(","),
      ).toBe(true);
      expect(ms, `statuses until then: ${seen.join(",")}`).toBeLessThan(RECOVERY_MS);
    }
  });
});
