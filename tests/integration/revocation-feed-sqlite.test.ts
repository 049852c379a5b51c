import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { type CliResult, currentUser, expectJson, runUsersCli } from "./helpers";

/**
 * Issue 14 (SQLite): the running server caches its session checks (`sqlite-revocation-feed.ts`); another
 * process writing the same file (the users CLI) must be seen by the very next request. A server of its own:
 * no other test's writes may clear its cache and make this pass by accident.
 */
let server: AppServer;

beforeAll(async () => {
  // The TTL backstop at its longest: the CLI (tsx) can take longer than 5 s to start on a loaded machine.
  server = await startAppServer("feed-sqlite", { SESSION_CACHE_TTL: "60s" });
});
afterAll(async () => {
  await server?.stop();
});

function expectExit(result: CliResult, code: number): void {
  expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
}

/** Signed up, and cached by the server past the off-request activity write of the first use. */
async function cachedSession(): Promise<{ client: Client; email: string }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail("feed-sqlite");
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  for (let i = 0; i < 2; i++) expect((await currentUser(client))?.email).toBe(email);
  await sleep(300);
  for (let i = 0; i < 2; i++) expect((await currentUser(client))?.email).toBe(email);
  return { client, email };
}

describe("the CLI in another process against a server that caches (issue 14, PRAGMA data_version)", () => {
  it("users disable: the next request is refused", async () => {
    const { client, email } = await cachedSession();
    expectExit(await runUsersCli(server.databaseUrl, ["disable", email]), 0);
    expect(await currentUser(client)).toBeNull();
  });

  it("users sign-out: the next request is refused", async () => {
    const { client, email } = await cachedSession();
    expectExit(await runUsersCli(server.databaseUrl, ["sign-out", email]), 0);
    expect(await currentUser(client)).toBeNull();
  });
});
