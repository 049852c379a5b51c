import { beforeAll, describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { currentUser, expectError, expectJson } from "./helpers";

interface RedirectBody {
  redirectTo: string;
}

const SAME_SITE: string[] = ["/private?x=1", "/private", "/", "/private/deeper?a=1&b=2"];

const OFF_SITE: string[] = [
  "//evil.test",
  "//evil.test/private",
  "https://evil.test",
  "http://evil.test/private",
  "/\\evil.test",
  "\\\\evil.test",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "data:text/html,hi",
  "/\t/evil.test",
  "",
];

describe("redirectTo after sign-in", () => {
  let email = "";
  beforeAll(async () => {
    email = (await signedUpClient()).email;
  });

  async function redirectFor(next: string): Promise<string> {
    const response = await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD, next });
    return (await expectJson<RedirectBody>(response)).redirectTo;
  }

  for (const next of SAME_SITE) {
    it(`keeps the same-site path ${JSON.stringify(next)}`, async () => {
      expect(await redirectFor(next)).toBe(next);
    });
  }

  for (const next of OFF_SITE) {
    it(`falls back to /private for ${JSON.stringify(next)}`, async () => {
      expect(await redirectFor(next)).toBe("/private");
    });
  }

  it("falls back to /private when next is absent", async () => {
    const response = await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
    expect((await expectJson<RedirectBody>(response)).redirectTo).toBe("/private");
  });

  const nonStrings: Array<[string, unknown]> = [
    ["a number", 42],
    ["an object", { path: "/private" }],
    ["an array", ["/private"]],
    ["a boolean", true],
  ];
  for (const [label, next] of nonStrings) {
    it(`refuses ${label} as next with 400 invalid_input and no session`, async () => {
      const client = new Client();
      const response = await client.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD, next });
      const body = await expectError(response, 400, "invalid_input");
      expect(body.error.fields).toBeDefined();
      expect(await currentUser(client)).toBeNull();
    });
  }
});

describe("redirectTo after sign-up", () => {
  it("keeps a same-site path", async () => {
    const body = { email: uniqueEmail("next"), password: STRONG_PASSWORD, next: "/private?x=1" };
    const response = await new Client().json("POST", "/api/users", body);
    expect((await expectJson<RedirectBody>(response, 201)).redirectTo).toBe("/private?x=1");
  });

  for (const next of ["//evil.test", "https://evil.test", "/\\evil.test", "javascript:alert(1)"]) {
    it(`falls back to /private for ${JSON.stringify(next)}`, async () => {
      const body = { email: uniqueEmail("next"), password: STRONG_PASSWORD, next };
      const response = await new Client().json("POST", "/api/users", body);
      expect((await expectJson<RedirectBody>(response, 201)).redirectTo).toBe("/private");
    });
  }

  it("refuses a numeric next with 400 invalid_input", async () => {
    const body = { email: uniqueEmail("next"), password: STRONG_PASSWORD, next: 7 };
    await expectError(await new Client().json("POST", "/api/users", body), 400, "invalid_input");
  });
});
