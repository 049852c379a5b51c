import { describe, expect, inject, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";
import { copyOf, runUsersCli } from "./helpers";

const NEW_PASSWORD = "marble harbor violin cactus meadow";

async function signedInAgain(email: string, password = STRONG_PASSWORD): Promise<Client> {
  const client = new Client();
  const response = await client.json("POST", "/api/sessions", { email, password });
  expect(response.status).toBe(200);
  return client;
}

async function userOf(client: Client): Promise<{ user: unknown; reason?: string }> {
  return (await client.request("/api/sessions")).json();
}

describe.concurrent("revocation of stateless sessions (R15-R17, decision 5)", () => {
  it("a copied cookie is dead after logout", async () => {
    const { client } = await signedUpClient();
    const copy = copyOf(client);
    expect(await userOf(copy)).toMatchObject({ user: { id: expect.any(String) } });
    expect((await client.json("POST", "/api/logout")).status).toBe(200);
    expect(await userOf(copy)).toEqual({ user: null, reason: "revoked", serverNow: expect.any(Number) });
    // The copy is well-formed and inside its limits: the proxy lets it through, so this redirect (and its
    // reason, which the cookie alone cannot tell) comes from the page's own server-side check.
    expect((await copy.request("/private")).headers.get("location")).toBe("/login?next=%2Fprivate&reason=revoked");
    expect((await copy.json("POST", "/api/sessions/refresh")).status).toBe(401);
  });

  it("a copied cookie is dead after DELETE /api/sessions", async () => {
    const { client } = await signedUpClient();
    const copy = copyOf(client);
    expect((await client.json("DELETE", "/api/sessions")).status).toBe(200);
    expect(await userOf(copy)).toMatchObject({ user: null, reason: "revoked" });
  });

  it("revoke-others ends every other session and keeps this one", async () => {
    const { client, email } = await signedUpClient();
    const other = await signedInAgain(email);
    const copyOfThis = copyOf(client);
    const response = await client.json("POST", "/api/sessions/revoke-others");
    expect(response.status).toBe(200);
    expect(await userOf(client)).toMatchObject({ user: { email } });
    expect(await userOf(other)).toMatchObject({ user: null, reason: "revoked" });
    expect((await other.request("/private")).headers.get("location")).toBe("/login?next=%2Fprivate&reason=revoked");
    // A copy of this very session's cookie taken before the bump (a thief's) dies with it: only the
    // browser that got the bump's kept-proof cookie may present the previous version (R15, R17).
    expect(await userOf(copyOfThis)).toMatchObject({ user: null, reason: "revoked" });
    expect(await userOf(client)).toMatchObject({ user: { email } });
  });

  it("a removed user's cookie says removed, never revoked (not 'you changed your password')", async () => {
    const { client, email } = await signedUpClient();
    const cli = await runUsersCli(inject("databaseUrl"), ["remove", email]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(await userOf(client)).toMatchObject({ user: null, reason: "removed" });
    // Only the page's own check can know: the proxy passes the well-formed cookie.
    expect((await client.request("/private")).headers.get("location")).toBe("/login?next=%2Fprivate&reason=removed");
    const refresh = await client.json("POST", "/api/sessions/refresh");
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toMatchObject({ error: { code: "unauthorized", reason: "removed" } });
  });

  it("DELETE /api/sessions?scope=all ends every session, this one included", async () => {
    const { client, email } = await signedUpClient();
    const other = await signedInAgain(email);
    const copy = copyOf(client);
    const response = await client.json("DELETE", "/api/sessions?scope=all");
    expect(response.status).toBe(200);
    expect(response.headers.get("clear-site-data")).toBe('"cache"');
    expect(client.cookies.size).toBe(0);
    expect(await userOf(other)).toMatchObject({ user: null, reason: "revoked" });
    expect(await userOf(copy)).toMatchObject({ user: null, reason: "revoked" });
  });

  it("an unknown scope is a 400 and signs nobody out", async () => {
    const { client } = await signedUpClient();
    const response = await client.json("DELETE", "/api/sessions?scope=everything");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_input", fields: { scope: expect.any(String) } },
    });
    expect(await userOf(client)).toMatchObject({ user: { id: expect.any(String) } });
  });

  it("a password change ends the other sessions, keeps this one, and needs the current password (R19)", async () => {
    const { client, email } = await signedUpClient();
    const other = await signedInAgain(email);
    const wrong = await client.json("POST", "/api/account/password", {
      currentPassword: "not my password at all",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { fields: { currentPassword: expect.any(String) } } });
    const weak = await client.json("POST", "/api/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "passwordpassword",
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { fields: { newPassword: expect.any(String) } } });
    expect(await userOf(other)).toMatchObject({ user: { email } });

    const changed = await client.json("POST", "/api/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ ok: true, otherSessionsEnded: true });
    expect(await userOf(client)).toMatchObject({ user: { email } });
    expect(await userOf(other)).toMatchObject({ user: null, reason: "revoked" });
    const oldPassword = await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
    expect(oldPassword.status).toBe(401);
    await signedInAgain(email, NEW_PASSWORD);
  });

  it("the password endpoint needs a session: 401 JSON, never a redirect", async () => {
    const response = await new Client().json("POST", "/api/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized", reason: "none" } });
  });

  it("every sign-in issues a new session id and replaces the session it signs in over (R10)", async () => {
    const { client, email } = await signedUpClient();
    const before = copyOf(client);
    const again = await client.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
    expect(again.status).toBe(200);
    expect(client.cookies.values().next().value).not.toBe(before.cookies.values().next().value);
    expect(await userOf(client)).toMatchObject({ user: { email } });
    expect(await userOf(before)).toMatchObject({ user: null, reason: "revoked" });
  });
});
