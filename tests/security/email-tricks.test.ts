import { describe, expect, it } from "vitest";
import { expectError, expectJson, type PublicUserBody } from "../integration/helpers";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";

/**
 * Decision 3 / R58: an email is trimmed, NFC-normalised and lowercased before it is validated, has exactly
 * one `@`, and lists, quoted local parts and look-alike `@` signs are refused with 400 on every entry point.
 */
function tricks(): Array<[string, string]> {
  const local = uniqueEmail("trick").split("@")[0] ?? "trick";
  return [
    ["a fullwidth @ (U+FF20)", `${local}\uFF20example.com`],
    ["a small commercial at (U+FE6B)", `${local}\uFE6Bexample.com`],
    ["a quoted local part hiding an @", `"${local}@evil.test"@example.com`],
    ["a quoted local part", `"${local}"@example.com`],
    ["a comma list", `${local}@example.com,${local}@evil.test`],
    ["a semicolon list", `${local}@example.com;${local}@evil.test`],
    ["a space-separated list", `${local}@example.com ${local}@evil.test`],
    ["a display name", `Ada <${local}@example.com>`],
    ["angle brackets", `<${local}@example.com>`],
    ["two @", `${local}@evil.test@example.com`],
    ["a comment", `${local}(comment)@example.com`],
    ["a backslash", `${local}\\@example.com`],
    ["no @", `${local}.example.com`],
    ["an empty domain", `${local}@`],
    ["a domain without a dot", `${local}@localhost`],
    ["over 254 characters", `${local}${"a".repeat(250)}@example.com`],
    ["a zero-width space in the local part", `uni\u200B${local}@example.com`],
    ["a zero-width joiner in the local part", `uni\u200D${local}@example.com`],
    ["a soft hyphen in the local part", `uni\u00AD${local}@example.com`],
    ["a right-to-left override in the local part", `\u202E${local}@example.com`],
    ["a left-to-right mark in the local part", `${local}\u200E@example.com`],
    ["a first strong isolate in the domain", `${local}@\u2068example.com`],
  ];
}

describe("decision 3: email tricks get 400 invalid_input on email", () => {
  for (const [label, email] of tricks()) {
    it(`${label}: sign-up and sign-in both refuse it, no account is created`, async () => {
      for (const path of ["/api/users", "/api/sessions"]) {
        const client = new Client();
        const response = await client.json("POST", path, { email, password: STRONG_PASSWORD });
        expect(response.headers.getSetCookie(), path).toEqual([]);
        const body = await expectError(response, 400, "invalid_input");
        expect(Object.keys(body.error.fields ?? {}), path).toEqual(["email"]);
      }
    });
  }
});

describe("decision 3: one account per normalised address", () => {
  it("case, surrounding spaces and NFC variants name the same account (409 email_taken)", async () => {
    const local = `jos\u00e9-${uniqueEmail("nfc").split("@")[0]}`;
    const created = await new Client().json("POST", "/api/users", {
      email: `${local}@example.com`,
      password: STRONG_PASSWORD,
    });
    const user = (await expectJson<{ user: PublicUserBody }>(created, 201)).user;
    expect(user.email).toBe(`${local}@example.com`);
    const decomposed = `${local.normalize("NFD").toUpperCase()}@EXAMPLE.com`;
    for (const variant of [`  ${local.toUpperCase()}@Example.COM\t`, decomposed]) {
      const again = await new Client().json("POST", "/api/users", { email: variant, password: STRONG_PASSWORD });
      await expectError(again, 409, "email_taken");
    }
  });

  it("an email that is not well-formed Unicode (a lone surrogate) is refused, not stored as U+FFFD", async () => {
    // SQLite stores text as UTF-8, where a lone surrogate cannot exist: it would be saved as U+FFFD, so
    // "x\uD800@…", "x\uDC00@…" and "x\uFFFD@…" would all name one account.
    const [local, domain] = uniqueEmail("surrogate").split("@");
    const response = await new Client().json("POST", "/api/users", {
      email: `${local}\uD800@${domain}`,
      password: STRONG_PASSWORD,
    });
    await expectError(response, 400, "invalid_input");
    const lookalike = await new Client().json("POST", "/api/sessions", {
      email: `${local}\uDC00@${domain}`,
      password: STRONG_PASSWORD,
    });
    expect(lookalike.status).not.toBe(200);
  });
});

describe("decision 3: display names cannot imitate another", () => {
  it.each([
    ["a right-to-left override", "Ada \u202Eecalevol"],
    ["a zero-width space", "Ada\u200BLovelace"],
    ["a pop directional isolate", "Ada\u2069"],
  ])("a name with %s is 400 invalid_input on name, and no account is created", async (_label, name) => {
    const email = uniqueEmail("bidi-name");
    const response = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD, name });
    const body = await expectError(response, 400, "invalid_input");
    expect(Object.keys(body.error.fields ?? {})).toEqual(["name"]);
    const free = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD });
    expect(free.status).toBe(201);
  });
});
