import { describe, expect, it } from "vitest";
import { expectError, expectJson, type PublicUserBody } from "../integration/helpers";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { expectNo5xx } from "./support";

/**
 * R56: hostile JSON never reaches a 5xx, never pollutes a prototype, never assigns a field the caller
 * may not set (mass assignment), and control characters are refused.
 */
interface SignUpBody {
  user: PublicUserBody;
  redirectTo: string;
}

/** Sends `raw` exactly as written (JSON.stringify could not express duplicate or `__proto__` keys). */
function postRaw(client: Client, path: string, raw: string): Promise<Response> {
  return client.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
}

const q = (value: string): string => JSON.stringify(value);

describe("R56: prototype pollution and mass assignment", () => {
  const pollutions = [
    `"__proto__":{"isAdmin":true,"polluted":"yes","next":"/polluted"}`,
    `"constructor":{"prototype":{"isAdmin":true,"polluted":"yes","next":"/polluted"}}`,
    `"prototype":{"isAdmin":true,"next":"/polluted"}`,
    `"__proto__":{"__proto__":{"isAdmin":true,"next":"/polluted"}}`,
  ];
  for (const pollution of pollutions) {
    it(`sign-up with {${pollution.slice(0, 40)}…}: 201, not admin, and later requests are unaffected`, async () => {
      const client = new Client();
      const email = uniqueEmail("proto");
      const response = await postRaw(
        client,
        "/api/users",
        `{"email":${q(email)},"password":${q(STRONG_PASSWORD)},${pollution}}`,
      );
      const body = await expectJson<SignUpBody>(response, 201);
      expect(body.user.isAdmin).toBe(false);
      expect(Object.keys(body.user).sort()).toEqual(["email", "id", "isAdmin", "name"]);
      // A polluted Object.prototype would leak `next` / `isAdmin` into the next, clean requests.
      const other = new Client();
      const clean = await expectJson<SignUpBody>(
        await other.json("POST", "/api/users", { email: uniqueEmail("clean"), password: STRONG_PASSWORD }),
        201,
      );
      expect(clean.user.isAdmin).toBe(false);
      expect(clean.redirectTo).toBe("/private");
      const signIn = await expectJson<SignUpBody>(
        await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }),
      );
      expect(signIn.redirectTo).toBe("/private");
      const me = await expectJson<{ user: PublicUserBody }>(await client.request("/api/sessions"));
      expect(me.user.isAdmin).toBe(false);
    });
  }

  it("sign-in with __proto__ / constructor keys: a normal answer, never a 5xx", async () => {
    const { email } = await signedUpClient();
    for (const pollution of pollutions) {
      const response = await postRaw(
        new Client(),
        "/api/sessions",
        `{"email":${q(email)},"password":${q(STRONG_PASSWORD)},${pollution}}`,
      );
      expect(response.status, pollution).toBe(200);
    }
  });

  it("isAdmin, id and sessionVersion in the body are ignored (no mass assignment)", async () => {
    const client = new Client();
    const body = {
      email: uniqueEmail("mass"),
      password: STRONG_PASSWORD,
      isAdmin: true,
      id: "admin",
      sessionVersion: 99,
    };
    const created = await expectJson<SignUpBody>(await client.json("POST", "/api/users", body), 201);
    expect(created.user.isAdmin).toBe(false);
    expect(created.user.id).not.toBe("admin");
  });
});

describe("R56: duplicate keys and odd shapes never reach a 5xx", () => {
  it("duplicate keys: JSON.parse keeps the last one, the account gets one email", async () => {
    const [first, last] = [uniqueEmail("dup-first"), uniqueEmail("dup-last")];
    const raw = `{"email":${q(first)},"password":${q(STRONG_PASSWORD)},"isAdmin":true,"email":${q(last)},"isAdmin":false}`;
    const created = await expectJson<SignUpBody>(await postRaw(new Client(), "/api/users", raw), 201);
    expect(created.user.email).toBe(last);
    expect(created.user.isAdmin).toBe(false);
  });

  const shapes: Array<[string, string]> = [
    ["null", "null"],
    ["an array", `[${q("a@example.com")},${q(STRONG_PASSWORD)}]`],
    ["a string", q("a@example.com")],
    ["a number", "1e309"],
    ["email as a number", `{"email":123,"password":${q(STRONG_PASSWORD)}}`],
    ["email as an array", `{"email":["a@example.com"],"password":${q(STRONG_PASSWORD)}}`],
    ["email as an object", `{"email":{"toString":"a@example.com"},"password":${q(STRONG_PASSWORD)}}`],
    ["password as null", `{"email":"a@example.com","password":null}`],
    ["deep nesting", `{"email":${"[".repeat(5000)}${"]".repeat(5000)}}`],
    ["truncated JSON", `{"email":"a@example.com","password":`],
  ];
  for (const path of ["/api/users", "/api/sessions"]) {
    for (const [label, raw] of shapes) {
      it(`POST ${path} with ${label}: 400`, async () => {
        const response = await postRaw(new Client(), path, raw);
        expectNo5xx(response, label);
        expect(response.status).toBe(400);
      });
    }
  }

  it("invalid UTF-8 bytes in the body: 400 invalid_json", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"email":"a'),
      0xc3,
      0x28,
      ...new TextEncoder().encode('"}'),
    ]);
    const response = await new Client().request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    await expectError(response, 400, "invalid_json");
  });
});
