import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { codeAt, enrol, nextStep, PENDING_COOKIE, passwordStep, roomInStep } from "../support/second-factor";
import { currentUser, expectError, expectJson } from "./helpers";

// In real time: a pending sign-in that lives 3 s instead of 5 minutes (SECOND_FACTOR_PENDING_TTL), and a
// 5 s step-up window (SESSION_STEP_UP_WINDOW).
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("second-factor-realtime", {
    SECOND_FACTOR_PENDING_TTL: "3s",
    SESSION_STEP_UP_WINDOW: "5s",
  });
});
afterAll(() => server.stop());

describe("a pending sign-in expires (issue 13)", { timeout: 120_000 }, () => {
  it("past its lifetime the right code no longer completes the sign-in", async () => {
    const owner = new Client(server.baseUrl);
    const email = uniqueEmail("pending");
    await expectJson(await owner.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
    await confirmPassword(owner);
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

/** Confirms the password with room left in this 30-second step, so an enrolment right after needs no wait. */
async function confirmPassword(client: Client): Promise<void> {
  await roomInStep(10_000);
  await expectJson(await client.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD }));
}

/** Waits, in real time, until the last password confirmation is older than the step-up window. */
async function untilStale(client: Client): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await client.json("POST", "/api/account/second-factor/totp/confirm", {})).status !== 403) {
    if (Date.now() > deadline) throw new Error("the step-up window never closed");
    await sleep(250);
  }
}

describe("changing two-step sign-in needs a recent password (step-up, R61)", { timeout: 120_000 }, () => {
  it("set-up, new recovery codes, turning it off and passkeys are 403 past the window, and work once confirmed", async () => {
    const client = new Client(server.baseUrl);
    const email = uniqueEmail("stepup-factor");
    await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
    await untilStale(client);
    await expectError(await client.json("POST", "/api/account/second-factor/totp"), 403, "reauthentication_required");
    // Passkeys too: registration options and removal need the fresh password.
    await expectError(await client.json("POST", "/api/account/passkeys/options"), 403, "reauthentication_required");
    await expectError(await client.json("DELETE", "/api/account/passkeys/any"), 403, "reauthentication_required");
    await confirmPassword(client);
    const { recoveryCodes } = await enrol(client);
    await untilStale(client);
    await expectError(await client.json("DELETE", "/api/account/second-factor"), 403, "reauthentication_required");
    await expectError(
      await client.json("POST", "/api/account/second-factor/recovery-codes"),
      403,
      "reauthentication_required",
    );
    // Still on, with the same codes.
    const status = await expectJson<{ totp: boolean; recoveryCodesLeft: number }>(
      await client.request("/api/account/second-factor"),
    );
    expect(status).toMatchObject({ totp: true, recoveryCodesLeft: recoveryCodes.length });
    await confirmPassword(client);
    await expectJson(await client.json("DELETE", "/api/account/second-factor"));
    await expectJson(await passwordStep(new Client(server.baseUrl), email));
  });
});
