import { DatabaseSync } from "node:sqlite";
import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COOKIE_NAME } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";
import { readAuthEvents, sqlitePath } from "./support";

/**
 * R45 without a cost on the hot path: the `session_expired` row a status read records is written off the
 * request. While another process holds SQLite's write lock the read still answers at once, and the row is
 * written once the lock is gone. The lock is held for less than the server's 5 s busy timeout, so a server
 * that awaited the insert could only answer after the release.
 */
const HOLD_MS = 4_000;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("audit-queue");
});
afterAll(() => server?.stop());

/** A cookie of a real session whose idle limit (30 min by default) passed a minute ago. */
async function expiredCookie(): Promise<{ cookie: string; sid: string }> {
  const client = new Client(server.baseUrl);
  const response = await client.json("POST", "/api/users", { email: uniqueEmail("queued"), password: STRONG_PASSWORD });
  expect(response.status).toBe(201);
  const password = { "1": server.env.SESSION_SECRET ?? "" };
  const data = await openSeal(client.cookies.get(COOKIE_NAME) ?? "", password);
  if (!data) throw new Error("no session");
  const past = Date.now() - 31 * 60_000;
  const cookie = await sealData({ ...data, authenticatedAt: past, lastSeenAt: past }, { password, ttl: 3_600 });
  return { cookie, sid: data.sid };
}

describe("audit writes from read paths never delay the answer", () => {
  it("GET /api/sessions with an expired cookie answers while the write lock is held; the row follows", async () => {
    const { cookie, sid } = await expiredCookie();
    const rows = async () => (await readAuthEvents(server.databaseUrl)).filter((row) => row.id === `expired:${sid}`);
    // Waits for the lock like the server does, should the server be finishing a write of its own.
    const lock = new DatabaseSync(sqlitePath(server.databaseUrl), { timeout: 5_000 });
    lock.exec("BEGIN IMMEDIATE");
    let locked = true;
    const release = (): void => {
      if (!locked) return;
      locked = false;
      lock.exec("ROLLBACK");
      lock.close();
    };
    const timer = setTimeout(release, HOLD_MS);
    try {
      const response = await fetch(`${server.baseUrl}/api/sessions`, {
        headers: { cookie: `${COOKIE_NAME}=${cookie}` },
      });
      const answeredWhileLocked = locked;
      expect(await response.json()).toMatchObject({ user: null, reason: "expired" });
      expect(answeredWhileLocked, "the answer waited for the write lock").toBe(true);
      expect(await rows()).toEqual([]);
    } finally {
      clearTimeout(timer);
      release();
    }
    await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
    expect((await rows())[0]).toMatchObject({ event: "session_expired", outcome: "success", detail: "expired" });
  });
});
