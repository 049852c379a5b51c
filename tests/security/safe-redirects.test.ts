import { beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson } from "../integration/helpers";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";

/**
 * R52: `next` decides where a sign-in or sign-up goes, and only same-site relative paths are honoured;
 * anything that could leave the origin falls back to /private. A `next` that is not a string is a 400.
 */
interface AuthBody {
  redirectTo: string;
}

const UNSAFE = [
  "//evil.test",
  "//evil.test/private",
  "/\\evil.test",
  "\\\\evil.test",
  "\\/evil.test",
  "https://evil.test",
  "http://evil.test/private",
  "HTTPS://evil.test",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%2F%2Fevil.test",
  "/%2f%2fevil.test",
  "/%5Cevil.test",
  "/%5C%5Cevil.test",
  " /private",
  "/\tx",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  "evil.test",
  "/%E0%A4%A",
  "",
];

let email = "";

beforeAll(async () => {
  email = (await signedUpClient()).email;
});

function signIn(next: unknown): Promise<Response> {
  return new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD, next });
}

describe("R52: unsafe next values fall back to /private", () => {
  for (const next of UNSAFE) {
    it(`sign-in with next ${JSON.stringify(next)}`, async () => {
      expect((await expectJson<AuthBody>(await signIn(next))).redirectTo).toBe("/private");
    });
  }

  it("sign-up applies the same rule", async () => {
    for (const next of ["//evil.test", "/\\evil.test", "https://evil.test", "javascript:alert(1)"]) {
      const response = await new Client().json("POST", "/api/users", {
        email: uniqueEmail("redirect"),
        password: STRONG_PASSWORD,
        next,
      });
      expect((await expectJson<AuthBody>(response, 201)).redirectTo, next).toBe("/private");
    }
  });

  it("a same-site path is kept, with its query (the rule is not 'always /private')", async () => {
    expect((await expectJson<AuthBody>(await signIn("/account?tab=1"))).redirectTo).toBe("/account?tab=1");
  });

  it("the login page's form does not carry an unsafe next either", async () => {
    const response = await new Client().request(`/login?next=${encodeURIComponent("//evil.test")}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    // The query itself is echoed in Next's router state; the form's hidden field is what gets posted.
    expect(html).toMatch(/<input type="hidden" name="next" value="\/private"\/>/);
    expect(html).toContain('href="/signup?next=%2Fprivate"');
  });
});

describe("R52 / R56: a next that is not a string is a 400, not a 500", () => {
  for (const [label, next] of [
    ["a number", 42],
    ["an object", { href: "https://evil.test" }],
    ["an array", ["/private", "//evil.test"]],
    ["a boolean", true],
  ] as const) {
    it(`sign-in and sign-up with next as ${label}: 400 invalid_input on next`, async () => {
      const body = await expectError(await signIn(next), 400, "invalid_input");
      expect(Object.keys(body.error.fields ?? {})).toContain("next");
      const signUp = await new Client().json("POST", "/api/users", {
        email: uniqueEmail("redirect"),
        password: STRONG_PASSWORD,
        next,
      });
      await expectError(signUp, 400, "invalid_input");
    });
  }
});
