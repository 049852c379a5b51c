import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import { COOKIE_NAME, clearsCookie, currentUser, expectJson, expectLoginRedirect, sessionSetCookie } from "./helpers";

const SIGN_OUTS: Array<[string, string]> = [
  ["DELETE", "/api/sessions"],
  ["POST", "/api/logout"],
];

describe.each(SIGN_OUTS)("%s %s", (method, path) => {
  it("answers 200 {ok: true} with a Set-Cookie that clears the session cookie", async () => {
    const { client } = await signedUpClient();
    const response = await client.request(path, { method });
    const cookie = sessionSetCookie(response);
    expect(cookie).toBeDefined();
    if (cookie) {
      expect(clearsCookie(cookie)).toBe(true);
      expect(cookie.attributes.path).toBe("/");
    }
    expect(await expectJson<{ ok: boolean }>(response)).toMatchObject({ ok: true });
    expect(client.cookies.has(COOKIE_NAME)).toBe(false);
  });

  it("leaves the client signed out: GET /api/sessions says {user: null}, /private redirects", async () => {
    const { client } = await signedUpClient();
    expect(await currentUser(client)).not.toBeNull();
    expect((await client.request(path, { method })).status).toBe(200);
    expect(await currentUser(client)).toBeNull();
    const page = await client.request("/private");
    expectLoginRedirect(page, client.baseUrl, "/private");
  });

  it("also works when nobody is signed in", async () => {
    const client = new Client();
    const response = await client.request(path, { method });
    expect(await expectJson<{ ok: boolean }>(response)).toMatchObject({ ok: true });
    expect(await currentUser(client)).toBeNull();
  });
});
