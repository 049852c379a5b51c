import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { codeAt, enrol, nextStep, PENDING_COOKIE, passwordStep, roomInStep } from "../support/second-factor";
import { currentUser, expectError, expectJson } from "./helpers";

// The pending sign-in's lifetime in real time: 3 s instead of 5 minutes (SECOND_FACTOR_PENDING_TTL).
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("second-factor-expiry", { SECOND_FACTOR_PENDING_TTL: "3s" });
});
afterAll(() => server.stop());

describe("a pending sign-in expires (issue 13)", { timeout: 120_000 }, () => {
  it("past its lifetime the right code no longer completes the sign-in", async () => {
    const owner = new Client(server.baseUrl);
    const email = uniqueEmail("pending");
    await expectJson(await owner.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
    const { secret } = await enrol(owner);

    const browser = new Client(server.baseUrl);
    await expectJson(await passwordStep(browser, email));
    const seal = browser.cookies.get(PENDING_COOKIE) ?? "";
    expect(seal).not.toBe("");
    await sleep(3_500);
    // The browser drops the cookie; a client that keeps sending it is refused by the seal's own lifetime.
    const kept = new Client(server.baseUrl);
    kept.cookies.set(PENDING_COOKIE, seal);
    await roomInStep();
    await expectError(
      await kept.json("POST", "/api/sessions/second-factor", { code: codeAt(secret) }),
      401,
      "second_factor_expired",
    );
    expect(await currentUser(kept)).toBeNull();

    // A fresh pending sign-in inside its lifetime works (in a later step: the enrolment used this one).
    await nextStep();
    const again = new Client(server.baseUrl);
    await expectJson(await passwordStep(again, email));
    await expectJson(await again.json("POST", "/api/sessions/second-factor", { code: codeAt(secret) }));
    expect(await currentUser(again)).toMatchObject({ email });
  });
});
