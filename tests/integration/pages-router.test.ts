import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import {
  COOKIE_NAME,
  clearsCookie,
  currentUser,
  expectError,
  expectJson,
  expectLoginRedirect,
  type PublicUserBody,
  pageText,
  redirectTarget,
  sessionSetCookie,
} from "./helpers";

const API = "/api/pages-router/session";

describe(`withSessionRoute: ${API}`, () => {
  it("GET answers 401 JSON when signed out", async () => {
    const response = await new Client().request(API);
    await expectError(response, 401, expect.any(String));
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("GET answers 200 {user} when signed in, the same user as the App Router sees", async () => {
    const { client, email } = await signedUpClient({ name: "Pages" });
    const body = await expectJson<{ user: PublicUserBody }>(await client.request(API));
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "isAdmin", "name"]);
    expect(body.user).toMatchObject({ email, name: "Pages", isAdmin: false });
    expect(body.user).toEqual(await currentUser(client));
  });

  it("DELETE clears the cookie and signs the client out for both routers", async () => {
    const { client } = await signedUpClient();
    const response = await client.request(API, { method: "DELETE" });
    const cookie = sessionSetCookie(response);
    expect(cookie).toBeDefined();
    if (cookie) expect(clearsCookie(cookie)).toBe(true);
    expect(response.status).toBe(200);
    expect(client.cookies.has(COOKIE_NAME)).toBe(false);
    expect((await client.request(API)).status).toBe(401);
    expect(await currentUser(client)).toBeNull();
  });

  it("a form POST (the page's sign-out without JavaScript) signs out and redirects to the login page", async () => {
    const { client } = await signedUpClient();
    const response = await client.request(API, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: client.baseUrl },
      body: "",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?reason=signed-out");
    const cookie = sessionSetCookie(response);
    expect(cookie && clearsCookie(cookie)).toBe(true);
    expect(await currentUser(client)).toBeNull();
  });

  it("PUT answers 405 JSON", async () => {
    const { client } = await signedUpClient();
    const response = await client.request(API, { method: "PUT" });
    await expectError(response, 405, "method_not_allowed");
    expect(response.headers.get("allow")).toBe("GET, POST, DELETE");
    expect(await currentUser(client)).not.toBeNull();
  });
});

describe("withSessionSsr: /pages-router/private", () => {
  it("redirects a signed-out visitor to /login?next=/pages-router/private", async () => {
    const client = new Client();
    const response = await client.request("/pages-router/private");
    expectLoginRedirect(response, client.baseUrl, "/pages-router/private", null);
  });

  it("greets a signed-in user by name", async () => {
    const name = `Pagey${Date.now()}`;
    const { client } = await signedUpClient({ name });
    const response = await client.request("/pages-router/private");
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain(`Hello ${name}`);
  });

  it("greets a user without a name by email", async () => {
    const { client, email } = await signedUpClient();
    const response = await client.request("/pages-router/private");
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain(`Hello ${email}`);
  });

  it("redirects to login again after sign-out", async () => {
    const { client } = await signedUpClient();
    expect((await client.request("/pages-router/private")).status).toBe(200);
    expect((await client.request("/api/logout", { method: "POST" })).status).toBe(200);
    const response = await client.request("/pages-router/private");
    expectLoginRedirect(response, client.baseUrl, "/pages-router/private", null);
  });

  it("a revoked cookie redirects with reason=revoked, like the App Router pages", async () => {
    const { client } = await signedUpClient();
    const copy = new Client();
    for (const [name, value] of client.cookies) copy.cookies.set(name, value);
    expect((await client.json("POST", "/api/logout")).status).toBe(200);
    const response = await copy.request("/pages-router/private");
    expectLoginRedirect(response, copy.baseUrl, "/pages-router/private", null);
    expect(new URL(redirectTarget(response, copy.baseUrl), copy.baseUrl).searchParams.get("reason")).toBe("revoked");
  });
});
