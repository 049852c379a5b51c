import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { COOKIE_NAME, currentUser, expectError, expectJson, type PublicUserBody, sessionSetCookie } from "./helpers";

interface SignUpBody {
  user: PublicUserBody;
  redirectTo: string;
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

function signUp(client: Client, body: Record<string, unknown>): Promise<Response> {
  return client.json("POST", "/api/users", body);
}

describe("POST /api/users", () => {
  it("creates the account, answers 201 with the public user and signs the new user in", async () => {
    const client = new Client();
    const email = uniqueEmail("signup");
    const response = await signUp(client, { email, password: STRONG_PASSWORD, name: "Ada Lovelace" });
    expect(sessionSetCookie(response)?.value).toBeTruthy();
    const body = await expectJson<SignUpBody>(response, 201);
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "isAdmin", "name"]);
    expect(body.user).toMatchObject({ email, name: "Ada Lovelace", isAdmin: false });
    expect(typeof body.user.id).toBe("string");
    expect(body.redirectTo).toBe("/private");
    expect(client.cookies.has(COOKIE_NAME)).toBe(true);
    expect(await currentUser(client)).toEqual(body.user);
  });

  it("accepts a sign-up without a name (name is null)", async () => {
    const client = new Client();
    const email = uniqueEmail("noname");
    const body = await expectJson<SignUpBody>(await signUp(client, { email, password: STRONG_PASSWORD }), 201);
    expect(body.user).toMatchObject({ email, name: null, isAdmin: false });
  });

  it("never returns a password hash", async () => {
    const client = new Client();
    const response = await signUp(client, { email: uniqueEmail("plain"), password: STRONG_PASSWORD });
    const text = await response.text();
    expect(response.status).toBe(201);
    const session = await (await client.request("/api/sessions")).text();
    for (const body of [text, session]) {
      expect(keysOf(JSON.parse(body)).filter((key) => /hash|password|salt/i.test(key))).toEqual([]);
      expect(body).not.toMatch(/\$argon2/i);
      expect(body).not.toContain(STRONG_PASSWORD);
    }
  });

  it("ignores isAdmin in the body (no mass assignment)", async () => {
    const client = new Client();
    const email = uniqueEmail("massassign");
    const response = await signUp(client, { email, password: STRONG_PASSWORD, isAdmin: true, is_admin: true });
    const body = await expectJson<SignUpBody>(response, 201);
    expect(body.user.isAdmin).toBe(false);
    expect((await currentUser(client))?.isAdmin).toBe(false);
  });

  it("stores the email normalised and refuses a duplicate that differs only by case, spaces or NFC", async () => {
    const local = uniqueEmail("dupe").split("@")[0] ?? "";
    const email = `${local}-café@example.com`;
    const first = await signUp(new Client(), { email: ` ${email.toUpperCase()} `, password: STRONG_PASSWORD });
    expect((await expectJson<SignUpBody>(first, 201)).user.email).toBe(email);
    for (const variant of [email, ` ${email.replace("ex", "EX")} `, email.replace("é", "e\u0301")]) {
      const client = new Client();
      const response = await signUp(client, { email: variant, password: STRONG_PASSWORD });
      expect(sessionSetCookie(response)).toBeUndefined();
      await expectError(response, 409, "email_taken");
      expect(client.cookies.size).toBe(0);
    }
  });

  it("answers 409 email_taken for ` Ada@Example.COM ` after `ada@example.com`-style sign-up", async () => {
    const local = `ada-${Date.now()}-${process.pid}`;
    await expectJson(await signUp(new Client(), { email: `${local}@example.com`, password: STRONG_PASSWORD }), 201);
    const response = await signUp(new Client(), {
      email: ` ${local.toUpperCase()}@Example.COM `,
      password: STRONG_PASSWORD,
    });
    await expectError(response, 409, "email_taken");
  });

  describe("bad emails: 400 invalid_input with fields.email", () => {
    // 64-character local part and valid labels: only the total length (255) is wrong.
    const long = `${"a".repeat(64)}@${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.example`;
    const cases: Array<[string, string]> = [
      ["two @", "ada@@example.com"],
      ["two @ apart", "ada@home@example.com"],
      ["a list with a comma", "a@x.com,b@y.com"],
      ["a list with a semicolon", "a@x.com;b@y.com"],
      ["a quoted local part", '"ada lovelace"@example.com'],
      ["a fullwidth ＠ (U+FF20)", "ada\uFF20example.com"],
      ["over 254 characters", long],
      ["a NUL control character", "ada\u0000@example.com"],
      ["a newline inside", "ada\n@example.com"],
      ["a bell control character", "a\u0007da@example.com"],
      ["no @", "ada.example.com"],
      ["empty", ""],
    ];
    for (const [label, email] of cases) {
      it(label, async () => {
        const client = new Client();
        const response = await signUp(client, { email, password: STRONG_PASSWORD });
        const body = await expectError(response, 400, "invalid_input");
        expect(typeof body.error.fields?.email).toBe("string");
        expect(client.cookies.size).toBe(0);
      });
    }
  });
});
