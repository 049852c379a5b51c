import { describe, expect, it } from "vitest";
import { expectError, expectJson, type PublicUserBody } from "../integration/helpers";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";

/**
 * R47: a cross-site page can send text/plain, application/x-www-form-urlencoded and multipart/form-data
 * without a CORS preflight, so JSON endpoints refuse those media types with 415, even when no body is
 * needed, and nothing changes.
 */
type BodyKind = [string, (payload: Record<string, string>) => RequestInit];

const SIMPLE_TYPES: BodyKind[] = [
  ["text/plain", (payload) => ({ headers: { "content-type": "text/plain" }, body: JSON.stringify(payload) })],
  [
    "text/plain;charset=UTF-8",
    (payload) => ({ headers: { "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify(payload) }),
  ],
  ["application/x-www-form-urlencoded", (payload) => ({ body: new URLSearchParams(payload) })],
  [
    "multipart/form-data",
    (payload) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(payload)) form.set(key, value);
      return { body: form };
    },
  ],
];

async function whoAmI(client: Client): Promise<PublicUserBody | null> {
  return (await expectJson<{ user: PublicUserBody | null }>(await client.request("/api/sessions"))).user;
}

describe.each(SIMPLE_TYPES)("R47: %s bodies get 415 unsupported_media_type", (_label, init) => {
  it("POST /api/users: no account, the email stays free", async () => {
    const email = uniqueEmail("simple-type");
    const client = new Client();
    const response = await client.request("/api/users", {
      method: "POST",
      ...init({ email, password: STRONG_PASSWORD }),
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    await expectError(response, 415, "unsupported_media_type");
    await expectJson(await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  });

  it("POST /api/sessions with valid credentials: not signed in", async () => {
    const { email } = await signedUpClient();
    const client = new Client();
    const response = await client.request("/api/sessions", {
      method: "POST",
      ...init({ email, password: STRONG_PASSWORD }),
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    await expectError(response, 415, "unsupported_media_type");
    expect(await whoAmI(client)).toBeNull();
  });

  for (const [method, path] of [
    ["POST", "/api/logout"],
    ["DELETE", "/api/sessions"],
    ["POST", "/api/sessions/refresh"],
    ["POST", "/api/sessions/revoke-others"],
    ["POST", "/api/account/password"],
    ["PATCH", "/api/account"],
    ["DELETE", "/api/account"],
  ] as const) {
    it(`${method} ${path} (signed in): 415 and the user stays signed in`, async () => {
      const { client, email } = await signedUpClient();
      const response = await client.request(path, {
        method,
        ...init({ currentPassword: STRONG_PASSWORD, newPassword: `${STRONG_PASSWORD} again` }),
      });
      await expectError(response, 415, "unsupported_media_type");
      expect((await whoAmI(client))?.email).toBe(email);
    });
  }
});

describe("body-less requests with a simple content type", () => {
  for (const [method, path] of [
    ["POST", "/api/logout"],
    ["DELETE", "/api/sessions"],
  ] as const) {
    it(`${method} ${path} with content-type: text/plain and no body: 415, still signed in`, async () => {
      const { client, email } = await signedUpClient();
      const response = await client.request(path, { method, headers: { "content-type": "text/plain" } });
      expect(response.headers.getSetCookie()).toEqual([]);
      await expectError(response, 415, "unsupported_media_type");
      expect((await whoAmI(client))?.email).toBe(email);
    });
  }

  it("POST /api/logout with no content type at all is accepted (not a form a page can send cross-site)", async () => {
    const { client } = await signedUpClient();
    await expectJson(await client.request("/api/logout", { method: "POST" }), 200);
    expect(await whoAmI(client)).toBeNull();
  });
});
