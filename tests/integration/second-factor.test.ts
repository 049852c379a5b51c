import { describe, expect, inject, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";
import { codeAt, enrol, nextStep, PENDING_COOKIE, passwordStep, readRows, roomInStep } from "../support/second-factor";
import { COOKIE_NAME, currentUser, expectError, expectJson } from "./helpers";

// Issue 13 §1 against the built app: codes computed from the enrolled secret with otpauth, never the server's.
const PERIOD = 30_000;

async function enrolledUser(): Promise<{ client: Client; email: string; secret: string; recoveryCodes: string[] }> {
  const { client, email } = await signedUpClient();
  const { secret, recoveryCodes } = await enrol(client);
  return { client, email, secret, recoveryCodes };
}

/** A new browser that has given the right password and holds only the pending cookie. */
async function pendingClient(email: string): Promise<Client> {
  const client = new Client();
  const body = await expectJson<{ secondFactor: string; methods: string[] }>(await passwordStep(client, email));
  expect(body).toEqual({ secondFactor: "required", methods: ["totp", "recovery_code"] });
  expect(client.cookies.has(PENDING_COOKIE)).toBe(true);
  expect(client.cookies.has(COOKIE_NAME)).toBe(false);
  return client;
}

const second = (client: Client, body: Record<string, unknown>): Promise<Response> =>
  client.json("POST", "/api/sessions/second-factor", body);

// Some tests wait for the next 30-second step.
describe.concurrent("two-step sign-in with an authenticator app (issue 13)", { timeout: 120_000 }, () => {
  it("enrols, then signs in with password + code; the seal records amr pwd+otp and a new session id", async () => {
    const { client, email, secret, recoveryCodes } = await enrolledUser();
    expect(recoveryCodes).toHaveLength(10);
    const status = await expectJson<{ totp: boolean; recoveryCodesLeft: number; amr: string[] }>(
      await client.request("/api/account/second-factor"),
    );
    expect(status).toEqual({ totp: true, recoveryCodesLeft: 10, amr: ["pwd"] });

    const browser = await pendingClient(email);
    expect(await currentUser(browser)).toBeNull();
    // The enrolment used this step's code: a later step's is needed.
    await nextStep();
    const body = await expectJson<{ ok: true; user: { email: string } }>(
      await second(browser, { code: codeAt(secret) }),
    );
    expect(body.user.email).toBe(email);
    expect(browser.cookies.has(PENDING_COOKIE)).toBe(false);
    expect(await currentUser(browser)).toMatchObject({ email });
    const mine = await expectJson<{ amr: string[] }>(await browser.request("/api/account/second-factor"));
    expect(mine.amr).toEqual(["pwd", "otp"]);
    // The device list says it too (issue 13 §3).
    const devices = await expectJson<{ sessions: { current: boolean; amr: string[] }[] }>(
      await browser.request("/api/account/sessions"),
    );
    expect(devices.sessions.find((device) => device.current)?.amr).toEqual(["pwd", "otp"]);
  });

  it("the secret is sealed at rest and recovery codes are stored hashed", async () => {
    const { email, secret, recoveryCodes } = await enrolledUser();
    const rows = await readRows(inject("databaseUrl"), async (db) => {
      const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      const totp = await db.selectFrom("totpCredentials").selectAll().where("userId", "=", user.id).execute();
      const codes = await db.selectFrom("recoveryCodes").selectAll().where("userId", "=", user.id).execute();
      return { totp, codes };
    });
    expect(rows.totp).toHaveLength(1);
    expect(rows.totp[0]?.secretSealed).not.toContain(secret);
    expect(rows.totp[0]?.secretSealed.startsWith("Fe26.2")).toBe(true);
    expect(rows.codes).toHaveLength(10);
    const stored = JSON.stringify(rows.codes);
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace("-", ""));
  });

  it("a wrong password answers exactly as for an account without a second factor", async () => {
    const { email } = await enrolledUser();
    const { email: plain } = await signedUpClient();
    const withFactor = new Client();
    const without = new Client();
    const a = await expectError(
      await passwordStep(withFactor, email, "not the password at all"),
      401,
      "invalid_credentials",
    );
    const b = await expectError(
      await passwordStep(without, plain, "not the password at all"),
      401,
      "invalid_credentials",
    );
    expect(a).toEqual(b);
    expect(withFactor.cookies.size).toBe(0);
    expect(without.cookies.size).toBe(0);
  });

  it("a code is accepted once: the same code again is refused, even in a new pending sign-in", async () => {
    const { email, secret } = await enrolledUser();
    await nextStep();
    const code = codeAt(secret);
    const first = await pendingClient(email);
    await expectJson(await second(first, { code }));
    const again = await pendingClient(email);
    await expectError(await second(again, { code }), 401, "invalid_code");
    expect(await currentUser(again)).toBeNull();
  });

  it("±1 step: the previous and the next step's codes work, two steps away do not", async () => {
    const { client, email } = await signedUpClient();
    const { secret } = await expectJson<{ secret: string }>(
      await client.json("POST", "/api/account/second-factor/totp"),
    );
    await roomInStep();
    // Enrolled with the previous step's code (S-1): the step S is still free.
    const enrolledAt = Date.now();
    await expectJson(
      await client.json("POST", "/api/account/second-factor/totp/confirm", {
        code: codeAt(secret, enrolledAt - PERIOD),
      }),
    );
    await nextStep(2_000);
    const now = Date.now();
    const early = await pendingClient(email);
    await expectError(await second(early, { code: codeAt(secret, now + 2 * PERIOD) }), 401, "invalid_code");
    await expectError(await second(early, { code: codeAt(secret, now - 2 * PERIOD) }), 401, "invalid_code");
    await expectJson(await second(early, { code: codeAt(secret, now - PERIOD) }));
    const late = await pendingClient(email);
    await expectJson(await second(late, { code: codeAt(secret, now + PERIOD) }));
    // The next step's code was used: the current one (an older step) is now a replay.
    const replay = await pendingClient(email);
    await expectError(await second(replay, { code: codeAt(secret, now) }), 401, "invalid_code");
  });

  it("recovery codes work once each; a used one is refused", async () => {
    const { email, recoveryCodes } = await enrolledUser();
    const [first = "", secondCode = ""] = recoveryCodes;
    const browser = await pendingClient(email);
    await expectJson(await second(browser, { recoveryCode: first.toUpperCase() }));
    const mine = await expectJson<{ amr: string[]; recoveryCodesLeft: number }>(
      await browser.request("/api/account/second-factor"),
    );
    expect(mine).toMatchObject({ amr: ["pwd", "rec"], recoveryCodesLeft: 9 });
    const again = await pendingClient(email);
    await expectError(await second(again, { recoveryCode: first }), 401, "invalid_code");
    await expectJson(await second(again, { recoveryCode: secondCode }));
  });

  it("a pending seal grants nothing: not as the pending cookie, nor sent as the session cookie", async () => {
    const { email } = await enrolledUser();
    const browser = await pendingClient(email);
    const seal = browser.cookies.get(PENDING_COOKIE) ?? "";
    const forged = new Client();
    forged.cookies.set(COOKIE_NAME, seal);
    for (const client of [browser, forged]) {
      expect(await currentUser(client)).toBeNull();
      await expectError(await client.request("/api/account/second-factor"), 401, "unauthorized");
      await expectError(await client.json("POST", "/api/account/password", {}), 401, "unauthorized");
      await expectError(await client.json("POST", "/api/sessions/revoke-others"), 401, "unauthorized");
      await expectError(await client.json("POST", "/api/account/second-factor/totp"), 401, "unauthorized");
      await expectError(await client.request("/api/pages-router/session"), 401, "unauthorized");
      for (const path of ["/account", "/private"]) {
        const page = await client.request(path);
        expect(page.status, path).toBe(307);
        expect(page.headers.get("location") ?? "").toMatch(/^\/login/);
      }
      const pagesRouter = await client.request("/pages-router/private");
      expect([302, 307]).toContain(pagesRouter.status);
    }
    // Without the pending cookie, the second step has nothing to complete.
    await expectError(await second(new Client(), { code: "123456" }), 401, "second_factor_expired");
  });

  it("a pending seal is used once: a copy cannot complete a second sign-in", async () => {
    const { email, recoveryCodes } = await enrolledUser();
    const browser = await pendingClient(email);
    const copy = new Client();
    copy.cookies.set(PENDING_COOKIE, browser.cookies.get(PENDING_COOKIE) ?? "");
    await expectJson(await second(browser, { recoveryCode: recoveryCodes[0] }));
    await expectError(await second(copy, { recoveryCode: recoveryCodes[1] }), 401, "second_factor_expired");
    expect(await currentUser(copy)).toBeNull();
  });

  it("wrong codes count toward the account throttle, and the right password does not reset it", async () => {
    const { email, secret } = await enrolledUser();
    // 5 free failures: password, 2 wrong codes, password again, 1 wrong code -> the account is held back.
    const one = await pendingClient(email);
    await expectError(await second(one, { code: "000000" }), 401, "invalid_code");
    await expectError(await second(one, { code: "111111" }), 401, "invalid_code");
    const two = await pendingClient(email);
    await expectError(await second(two, { code: "222222" }), 401, "invalid_code");
    await roomInStep();
    await expectError(await second(two, { code: codeAt(secret) }), 429, "too_many_requests");
    await expectError(await passwordStep(new Client(), email), 429, "too_many_requests");
  });

  it("bad input is a 400 with fields, never a 5xx", async () => {
    const { email } = await enrolledUser();
    const browser = await pendingClient(email);
    await expectError(await second(browser, {}), 400, "invalid_input");
    await expectError(await second(browser, { code: "1".repeat(100) }), 400, "invalid_input");
    await expectError(await second(browser, { code: "123456", recoveryCode: "x" }), 400, "invalid_input");
    await expectError(await second(browser, { code: 123456 }), 400, "invalid_input");
  });
});

describe.concurrent("managing two-step sign-in (issue 13)", { timeout: 120_000 }, () => {
  it("enrolment needs a code from the app; a wrong one leaves it off", async () => {
    const { client, email } = await signedUpClient();
    const begin = await expectJson<{ secret: string; uri: string; qrSvg: string }>(
      await client.json("POST", "/api/account/second-factor/totp"),
    );
    expect(begin.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begin.uri).toContain(`secret=${begin.secret}`);
    expect(begin.qrSvg).toMatch(/^<svg/);
    await expectError(
      await client.json("POST", "/api/account/second-factor/totp/confirm", { code: "000000" }),
      400,
      "invalid_code",
    );
    // Still off: the password alone signs in.
    await expectJson<{ ok: true }>(await passwordStep(new Client(), email));
  });

  it("turning it off mails the owner, is audited, and the password alone signs in again", async () => {
    const { client, email } = await enrolledUser();
    await expectJson(await client.json("DELETE", "/api/account/second-factor"));
    const rows = await readRows(inject("databaseUrl"), async (db) => {
      const mail = await db.selectFrom("mailOutbox").selectAll().where("recipient", "=", email).execute();
      const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      const events = await db.selectFrom("authEvents").select("event").where("userId", "=", user.id).execute();
      return { mail, events: events.map((row) => row.event) };
    });
    // Sign-up's verification message goes to the same address: look for the notice among them.
    const notices = rows.mail.filter((row) => row.subject.includes("Two-step sign-in was turned off"));
    expect(notices).toHaveLength(1);
    expect(rows.events).toEqual(expect.arrayContaining(["second_factor_enabled", "second_factor_disabled"]));
    const body = await expectJson<{ ok: true }>(await passwordStep(new Client(), email));
    expect(body.ok).toBe(true);
    await expectError(await client.json("DELETE", "/api/account/second-factor"), 409, "conflict");
  });

  it("new recovery codes replace the old ones", async () => {
    const { client, email, recoveryCodes } = await enrolledUser();
    const fresh = await expectJson<{ recoveryCodes: string[] }>(
      await client.json("POST", "/api/account/second-factor/recovery-codes"),
    );
    expect(fresh.recoveryCodes).toHaveLength(10);
    const browser = await pendingClient(email);
    await expectError(await second(browser, { recoveryCode: recoveryCodes[0] }), 401, "invalid_code");
    await expectJson(await second(browser, { recoveryCode: fresh.recoveryCodes[0] }));
  });

  it("a second enrolment while one is on is a 409", async () => {
    const { client } = await enrolledUser();
    await expectError(await client.json("POST", "/api/account/second-factor/totp"), 409, "conflict");
  });

  it("without a session every management endpoint is a 401", async () => {
    const anonymous = new Client();
    await expectError(await anonymous.request("/api/account/second-factor"), 401, "unauthorized");
    await expectError(await anonymous.json("DELETE", "/api/account/second-factor"), 401, "unauthorized");
    await expectError(await anonymous.json("POST", "/api/account/second-factor/totp"), 401, "unauthorized");
    await expectError(
      await anonymous.json("POST", "/api/account/second-factor/totp/confirm", { code: "1" }),
      401,
      "unauthorized",
    );
    await expectError(await anonymous.json("POST", "/api/account/second-factor/recovery-codes"), 401, "unauthorized");
  });
});

describe("the password is still asked", { timeout: 120_000 }, () => {
  it("the second step cannot be reached without the right password", async () => {
    const { email } = await enrolledUser();
    const client = new Client();
    await expectError(await passwordStep(client, email, `${STRONG_PASSWORD}x`), 401, "invalid_credentials");
    await expectError(await second(client, { code: "123456" }), 401, "second_factor_expired");
  });
});
