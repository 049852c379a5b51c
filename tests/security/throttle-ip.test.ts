import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { fromIp } from "./support";

/**
 * Decision 7 / R41-R42, per client address: a token bucket (burst 4, then 1 a minute here) on sign-in and
 * sign-up alike, answered with 429 + Retry-After. The address is the TCP peer unless TRUST_PROXY says how
 * many proxies append to X-Forwarded-For; then it is that entry from the right, never one the client wrote.
 */
const LIMITS = { THROTTLE_IP_BURST: "4", THROTTLE_IP_PER_MINUTE: "1" };
let behindProxy: AppServer;
let direct: AppServer;

beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([
    startAppServer("throttle-ip-proxy", { ...LIMITS, TRUST_PROXY: "1" }),
    startAppServer("throttle-ip-direct", LIMITS),
  ]);
});

afterAll(async () => {
  await Promise.all([behindProxy?.stop(), direct?.stop()]);
});

function signIn(server: AppServer, headers: Record<string, string>): Promise<Response> {
  const body = { email: uniqueEmail("ip"), password: STRONG_PASSWORD };
  return new Client(server.baseUrl).json("POST", "/api/sessions", body, headers);
}

function signUp(server: AppServer, headers: Record<string, string>, email = uniqueEmail("ip")): Promise<Response> {
  return new Client(server.baseUrl).json("POST", "/api/users", { email, password: STRONG_PASSWORD }, headers);
}

async function expectBucketEmpty(response: Response): Promise<void> {
  const retryAfter = response.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  expect(response.headers.getSetCookie()).toEqual([]);
  await expectError(response, 429, "too_many_requests");
}

describe("decision 7: the per-address bucket", () => {
  it("sign-in: 4 attempts, then 429 with Retry-After", async () => {
    const ip = fromIp("203.0.113.10");
    for (let i = 0; i < 4; i += 1) await expectError(await signIn(behindProxy, ip), 401, "invalid_credentials");
    await expectBucketEmpty(await signIn(behindProxy, ip));
  });

  it("sign-up (R42): 4 accounts, then 429, and the refused email was not registered", async () => {
    const ip = fromIp("203.0.113.11");
    for (let i = 0; i < 4; i += 1) await expectJson(await signUp(behindProxy, ip), 201);
    const email = uniqueEmail("refused");
    await expectBucketEmpty(await signUp(behindProxy, ip, email));
    await expectJson(await signUp(behindProxy, fromIp("203.0.113.12"), email), 201);
  });

  it("sign-in and sign-up draw from the same bucket", async () => {
    const ip = fromIp("203.0.113.13");
    for (let i = 0; i < 2; i += 1) await expectError(await signIn(behindProxy, ip), 401, "invalid_credentials");
    for (let i = 0; i < 2; i += 1) await expectJson(await signUp(behindProxy, ip), 201);
    await expectBucketEmpty(await signIn(behindProxy, ip));
    await expectBucketEmpty(await signUp(behindProxy, ip));
  });
});

describe("R41: which address is the key", () => {
  it("TRUST_PROXY=1: the rightmost X-Forwarded-For entry; a spoofed left entry does not matter", async () => {
    const exhausted = "203.0.113.20";
    for (let i = 0; i < 4; i += 1) await signIn(behindProxy, fromIp(exhausted));
    await expectBucketEmpty(await signIn(behindProxy, fromIp(exhausted)));
    await expectBucketEmpty(await signIn(behindProxy, fromIp(`198.51.100.99, ${exhausted}`)));
    await expectBucketEmpty(await signIn(behindProxy, fromIp(`10.0.0.1, 198.51.100.98, ${exhausted}`)));
    // A different rightmost entry is a different client, whatever stands on its left.
    await expectError(await signIn(behindProxy, fromIp(`${exhausted}, 203.0.113.21`)), 401, "invalid_credentials");
    await expectError(await signIn(behindProxy, fromIp("203.0.113.22")), 401, "invalid_credentials");
  });

  it("TRUST_PROXY=1 with unusable X-Forwarded-For values: one shared bucket (fail closed, not a fresh one each)", async () => {
    const unusable = ["not-an-ip", "999.1.1.1", "", "1.2.3.4.5", "::zz", "unknown"];
    for (let i = 0; i < 4; i += 1) await signIn(behindProxy, fromIp(unusable[i] ?? ""));
    for (const value of [...unusable, "another-garbage-value"]) {
      await expectBucketEmpty(await signIn(behindProxy, fromIp(value)));
    }
  });

  it("without TRUST_PROXY, client-sent forwarding headers do not give a fresh bucket", async () => {
    for (let i = 0; i < 4; i += 1) {
      await expectError(await signIn(direct, fromIp(`198.51.100.${i + 1}`)), 401, "invalid_credentials");
    }
    const spoofs: Record<string, string>[] = [
      fromIp("198.51.100.200"),
      fromIp("198.51.100.201, 198.51.100.202"),
      { "x-real-ip": "198.51.100.203" },
      { forwarded: "for=198.51.100.204" },
      { "x-iron-gate-peer": "198.51.100.205" },
      { "x-forwarded-for": "198.51.100.206", "x-iron-gate-peer": "198.51.100.206" },
    ];
    for (const headers of spoofs) await expectBucketEmpty(await signIn(direct, headers));
    await expectBucketEmpty(await signUp(direct, fromIp("198.51.100.207")));
  });
});
