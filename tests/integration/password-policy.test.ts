import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { expectError, expectJson, sessionSetCookie } from "./helpers";

/** Signs up with `password`, expects the weak-password refusal, then checks no account was created. */
async function expectWeak(email: string, password: string): Promise<void> {
  const client = new Client();
  const response = await client.json("POST", "/api/users", { email, password });
  expect(sessionSetCookie(response)).toBeUndefined();
  const body = await expectError(response, 400, "invalid_input");
  expect(typeof body.error.fields?.password).toBe("string");
  expect(body.error.fields).not.toHaveProperty("email");
  expect(client.cookies.size).toBe(0);
  // No account was created: the same email can still sign up with a strong password.
  await expectJson(await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
}

describe("sign-up password policy: 400 invalid_input with fields.password", () => {
  const generic: Array<[string, string]> = [
    ["12 random-looking characters", "Xq7!vB2#pL9&"],
    ["14 characters (one short of 15)", "kiwi orbit 7xq"],
    ["14 emoji (28 UTF-16 units, but 14 characters)", "🔒🔑🚪🧱🛡🔐🗝🔒🔑🚪🧱🛡🔐🗝"],
    ["password1234567890", "password1234567890"],
    ["a keyboard walk", "qwertyuiopasdfghjkl"],
    ["a repeated character", "aaaaaaaaaaaaaaaaaaaa"],
    ["a common phrase repeated", "iloveyouiloveyou"],
    ["a digit sequence", "123456789012345678"],
  ];
  for (const [label, password] of generic) {
    it(`refuses ${label}`, async () => {
      await expectWeak(uniqueEmail("weak"), password);
    });
  }

  // Fixed, distinct addresses (the database is fresh for every run) so that the words are real words.
  const fromEmail: Array<[string, string, string]> = [
    ["the email itself", "ada.lovelace@example.com", "ada.lovelace@example.com"],
    ["the email in capitals", "grace.hopper@example.com", "GRACE.HOPPER@EXAMPLE.COM"],
    ["the email without its top-level domain", "alan.turing@example.com", "alan.turing@example"],
    ["the local part and the domain run together", "edsger.dijkstra@example.com", "edsgerdijkstraexample"],
    ["the local part followed by 12345", "barbara.liskov@example.com", "barbaraliskov12345"],
    ["the local part's words swapped", "margaret.hamilton@example.com", "hamiltonmargaret"],
  ];
  for (const [label, email, password] of fromEmail) {
    it(`refuses a password built from the email: ${label} (${password})`, async () => {
      await expectWeak(email, password);
    });
  }

  // Issue 8, section 4: built from the app's name (APP_NAME defaults to "Iron Gate"), the word
  // "password", keyboard walks and famous phrases; all were accepted before.
  const guessable: string[] = [
    "IronGateIronGate1",
    "iron gate iron gate 2024",
    "Iron-Gate-Iron-Gate!",
    "Password123456789!",
    "correcthorsebatterystaple",
    "Correct Horse Battery Staple",
    "maytheforcebewithyou",
    "1qaz2wsx3edc4rfv5tgb",
  ];
  for (const password of guessable) {
    it(`refuses the guessable ${password}`, async () => {
      await expectWeak(uniqueEmail("guessable"), password);
    });
  }

  it("accepts a long uncommon passphrase (the policy is not a blanket refusal)", async () => {
    const response = await new Client().json("POST", "/api/users", {
      email: uniqueEmail("strong"),
      password: "copper gazelle umbrella quartz fiddle",
    });
    expect(response.status).toBe(201);
  });

  it("accepts exactly 15 characters when they are not guessable", async () => {
    const password = "Tq9#vLm2$Wz7!kR";
    expect([...password]).toHaveLength(15);
    const response = await new Client().json("POST", "/api/users", { email: uniqueEmail("fifteen"), password });
    expect(response.status).toBe(201);
  });
});
