import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COOKIE_NAME, expectError, expectJson, type PublicUserBody, pageText } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { type AuthEventRow, readAuthEvents } from "./support";

/**
 * R45: sign-ups, failed sign-ins, sign-outs, cross-origin refusals and throttling are recorded in
 * `auth_events` with a UTC millisecond timestamp, the user's id where known, the client address and user
 * agent; never a password, a cookie, or the full address of an unknown account (masked as `x***@domain`).
 * On a server of its own, so the throttle can be tight: one free failure per account.
 */
const USER_AGENT = `iron-gate-audit-test/${process.pid}`;
const headers = { "user-agent": USER_AGENT };
let server: AppServer;
let rows: AuthEventRow[] = [];
let user: PublicUserBody;
let account: Client;
let email = "";
let unknownEmail = "";
const seals: string[] = [];
let startedAt = 0;

beforeAll(async () => {
  server = await startAppServer("audit-log", {
    THROTTLE_ACCOUNT_FREE_FAILURES: "1",
    THROTTLE_ACCOUNT_BASE_DELAY: "1h",
  });
  startedAt = Date.now();
  email = uniqueEmail("audited");
  unknownEmail = uniqueEmail("zed-unknown");
  account = new Client(server.baseUrl);
  const signUp = await account.json(
    "POST",
    "/api/users",
    { email, password: STRONG_PASSWORD, name: "Audited" },
    headers,
  );
  user = (await expectJson<{ user: PublicUserBody }>(signUp, 201)).user;
  seals.push(account.cookies.get(COOKIE_NAME) ?? "");
  // A second session of the same user, then its sign-out.
  const other = new Client(server.baseUrl);
  await expectJson(await other.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }, headers), 200);
  seals.push(other.cookies.get(COOKIE_NAME) ?? "");
  await expectJson(await other.json("POST", "/api/logout", undefined, headers), 200);
  // Failures: an unknown email, then the known one with a wrong password (which starts its backoff).
  const anon = new Client(server.baseUrl);
  await expectError(
    await anon.json("POST", "/api/sessions", { email: unknownEmail, password: STRONG_PASSWORD }, headers),
    401,
    "invalid_credentials",
  );
  await expectError(
    await anon.json("POST", "/api/sessions", { email, password: "wrong horse battery staple" }, headers),
    401,
    "invalid_credentials",
  );
  await expectError(
    await anon.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }, headers),
    429,
    "too_many_requests",
  );
  await expectError(
    await account.json("POST", "/api/logout", undefined, { ...headers, origin: "https://evil.test" }),
    403,
    "cross_origin",
  );
  rows = await readAuthEvents(server.databaseUrl);
});

afterAll(async () => {
  await server?.stop();
});

function events(name: string): AuthEventRow[] {
  return rows.filter((row) => row.event === name);
}

describe("R45: what is recorded", () => {
  it.each([
    ["sign_up", 1],
    ["sign_in_failed", 2],
    ["sign_out", 1],
    ["csrf_rejected", 1],
    ["throttled", 1],
  ])("%s: %i event(s) with a UTC ms timestamp, the client address and user agent", (name, count) => {
    const found = events(name);
    expect(found, JSON.stringify(rows, null, 1)).toHaveLength(count);
    for (const row of found) {
      expect(Number.isInteger(row.at)).toBe(true);
      expect(row.at).toBeGreaterThanOrEqual(startedAt - 5_000);
      expect(row.at).toBeLessThanOrEqual(Date.now());
      expect(row.ip).toBe("127.0.0.1");
      expect(row.user_agent).toBe(USER_AGENT);
      expect(row.outcome.length).toBeGreaterThan(0);
    }
  });

  it("the user's id where it is known", () => {
    expect(events("sign_up")[0]?.user_id).toBe(user.id);
    expect(events("sign_out")[0]?.user_id).toBe(user.id);
    const failures = events("sign_in_failed");
    expect(failures.filter((row) => row.user_id === user.id)).toHaveLength(1);
    expect(failures.filter((row) => row.user_id === null)).toHaveLength(1);
  });

  it("an unknown email is masked as x***@domain, and appears nowhere in full", () => {
    const unknown = events("sign_in_failed").find((row) => row.user_id === null);
    const domain = unknownEmail.slice(unknownEmail.indexOf("@"));
    expect(unknown?.detail ?? "").toContain(`${unknownEmail[0]}***${domain}`);
    const local = unknownEmail.slice(0, unknownEmail.indexOf("@"));
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(local);
  });

  it("no row holds a password or a cookie value", () => {
    const secrets = [STRONG_PASSWORD, "wrong horse battery staple", ...seals.filter(Boolean)];
    for (const row of rows) {
      const text = JSON.stringify(row);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain("Fe26.2");
    }
  });

  it("the account page shows Recent activity with the failed sign-in", async () => {
    const response = await account.request("/account");
    expect(response.status).toBe(200);
    const text = pageText(await response.text());
    expect(text).toContain("Recent activity");
    expect(text).toContain("Failed sign-in");
  });
});
