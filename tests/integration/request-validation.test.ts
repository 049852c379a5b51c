import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { currentUser, expectError, expectJson } from "./helpers";

const ENDPOINTS: string[] = ["/api/users", "/api/sessions"];

function post(path: string, rawBody: string): Promise<Response> {
  return new Client().request(path, { method: "POST", headers: { "content-type": "application/json" }, body: rawBody });
}

describe.each(ENDPOINTS)("POST %s with bad input", (path) => {
  for (const raw of ["{", '{"email": "a@example.com",}', "nope", "{'email': 'x'}", "\u00ff\u00fe", ""]) {
    it(`answers 400 invalid_json for malformed JSON ${JSON.stringify(raw)}`, async () => {
      await expectError(await post(path, raw), 400, "invalid_json");
    });
  }

  for (const raw of ["null", "[]", '[{"email":"a@example.com"}]', "42", '"a string"', "true"]) {
    it(`answers 400 invalid_input for the JSON body ${raw}`, async () => {
      await expectError(await post(path, raw), 400, "invalid_input");
    });
  }

  it("answers 400 invalid_input with fields for missing fields", async () => {
    const body = await expectError(await post(path, "{}"), 400, "invalid_input");
    expect(body.error.fields).toHaveProperty("email");
    expect(body.error.fields).toHaveProperty("password");
  });

  it("answers 400 invalid_input with fields.password when only the email is given", async () => {
    const body = await expectError(await post(path, JSON.stringify({ email: uniqueEmail() })), 400, "invalid_input");
    expect(body.error.fields).toHaveProperty("password");
    expect(body.error.fields).not.toHaveProperty("email");
  });

  const wrongTypes: Array<[string, Record<string, unknown>, string]> = [
    ["a numeric email", { email: 12345, password: STRONG_PASSWORD }, "email"],
    ["an array email", { email: ["a@example.com"], password: STRONG_PASSWORD }, "email"],
    ["an object email", { email: { $ne: "" }, password: STRONG_PASSWORD }, "email"],
    ["a null email", { email: null, password: STRONG_PASSWORD }, "email"],
    ["a numeric password", { email: "typed@example.com", password: 123456789012345 }, "password"],
    ["an object password", { email: "typed@example.com", password: { $gt: "" } }, "password"],
    ["a boolean password", { email: "typed@example.com", password: true }, "password"],
  ];
  for (const [label, body, field] of wrongTypes) {
    it(`answers 400 invalid_input with fields.${field} for ${label}`, async () => {
      const response = await post(path, JSON.stringify(body));
      const error = await expectError(response, 400, "invalid_input");
      expect(error.error.fields).toHaveProperty(field);
    });
  }

  it("accepts a charset parameter on application/json", async () => {
    const client = new Client();
    const response = await client.request(path, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: "{}",
    });
    await expectError(response, 400, "invalid_input");
  });
});

describe("POST /api/users with a wrongly typed name", () => {
  for (const name of [42, { first: "Ada" }, ["Ada"], true]) {
    it(`answers 400 invalid_input with fields.name for ${JSON.stringify(name)}`, async () => {
      const body = JSON.stringify({ email: uniqueEmail("typedname"), password: STRONG_PASSWORD, name });
      const error = await expectError(await post("/api/users", body), 400, "invalid_input");
      expect(error.error.fields).toHaveProperty("name");
    });
  }
});

describe("__proto__, constructor and unknown keys are ignored", () => {
  it("on sign-up: 201, the user is created normally and is not an admin", async () => {
    const email = uniqueEmail("proto");
    const raw = `{"email":${JSON.stringify(email)},"password":${JSON.stringify(STRONG_PASSWORD)},"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},"role":"admin","id":"chosen-id","extra":[1,2,3]}`;
    const client = new Client();
    const response = await client.request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw,
    });
    const body = await expectJson<{ user: { id: string; isAdmin: boolean; email: string } }>(response, 201);
    expect(body.user.email).toBe(email);
    expect(body.user.isAdmin).toBe(false);
    expect(body.user.id).not.toBe("chosen-id");
    expect((await currentUser(client))?.isAdmin).toBe(false);
  });

  it("on sign-in: 200 for the right password, and no 5xx afterwards", async () => {
    const { email } = await signedUpClient();
    const raw = `{"email":${JSON.stringify(email)},"password":${JSON.stringify(STRONG_PASSWORD)},"__proto__":{"next":"//evil.test","isAdmin":true},"constructor":{"name":"x"},"unknown":1}`;
    const response = await post("/api/sessions", raw);
    const body = await expectJson<{ user: { isAdmin: boolean }; redirectTo: string }>(response);
    expect(body.user.isAdmin).toBe(false);
    expect(body.redirectTo).toBe("/private");
    const health = await new Client().request("/api/health");
    expect(health.status).toBe(200);
  });

  it("a body that is only __proto__ is a 400, not a 5xx", async () => {
    for (const path of ENDPOINTS) {
      const response = await post(path, '{"__proto__":{"email":"a@example.com","password":"x"}}');
      await expectError(response, 400, "invalid_input");
    }
  });
});
