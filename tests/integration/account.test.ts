import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { findUserByEmail } from "@/lib/users/user-repository";
import { readAuthEvents } from "../security/support";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";
import {
  COOKIE_NAME,
  clearsCookie,
  copyOf,
  currentUser,
  expectError,
  expectJson,
  type PublicUserBody,
  sessionSetCookie,
} from "./helpers";

// A server of its own: the tests forge seals with its secret (a stale step-up), and "the last admin" is a
// property of the whole users table, so no other file's admins may count.
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("account");
});
afterAll(() => server?.stop());

const passwords = (): Record<string, string> => ({ "1": server.env.SESSION_SECRET ?? "" });

async function signedUp(label = "account"): Promise<{ client: Client; email: string; user: PublicUserBody }> {
  const client = new Client(server.baseUrl);
  const email = uniqueEmail(label);
  const body = await expectJson<{ user: PublicUserBody }>(
    await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }),
    201,
  );
  return { client, email, user: body.user };
}

async function signedIn(email: string): Promise<Client> {
  const client = new Client(server.baseUrl);
  await expectJson(await client.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }));
  return client;
}

/** The same session, its password last entered 11 minutes ago: past the 10-minute step-up window. */
async function stale(client: Client): Promise<Client> {
  const data = await openSeal(client.cookies.get(COOKIE_NAME) ?? "", passwords());
  if (!data) throw new Error("no session to age");
  const { confirmedAt: _dropped, ...rest } = data;
  const copy = new Client(server.baseUrl);
  const aged = { ...rest, authenticatedAt: Date.now() - 11 * 60_000, lastSeenAt: Date.now() };
  copy.cookies.set(COOKIE_NAME, await sealData(aged, { password: passwords(), ttl: 3_600 }));
  return copy;
}

async function storedUser(email: string): Promise<{ id: string; name: string | null; isAdmin: boolean } | null> {
  const db = connectDatabase(server.databaseUrl);
  try {
    return await findUserByEmail(db, email);
  } finally {
    await db.destroy();
  }
}

async function makeAdmin(id: string): Promise<void> {
  const db = connectDatabase(server.databaseUrl);
  try {
    await db.updateTable("users").set({ isAdmin: true }).where("id", "=", id).execute();
  } finally {
    await db.destroy();
  }
}

const patch = (client: Client, body: unknown): Promise<Response> => client.json("PATCH", "/api/account", body);
const remove = (client: Client, password: unknown = STRONG_PASSWORD): Promise<Response> =>
  client.json("DELETE", "/api/account", { password });

describe.concurrent("PATCH /api/account", () => {
  it("sets the name with sign-up's rules, answers with the user, and an empty name clears it", async () => {
    const { client, email, user } = await signedUp();
    const set = await expectJson<{ user: PublicUserBody }>(await patch(client, { name: "  Ada Lovelace  " }));
    expect(set).toEqual({ user: { id: user.id, email, name: "Ada Lovelace", isAdmin: false } });
    expect(await currentUser(client)).toMatchObject({ name: "Ada Lovelace" });
    // NFC, as at sign-up: a decomposed "é" is stored composed.
    const composed = await expectJson<{ user: PublicUserBody }>(await patch(client, { name: "Rene\u0301" }));
    expect(composed.user.name).toBe("René");
    expect((await expectJson<{ user: PublicUserBody }>(await patch(client, { name: "" }))).user.name).toBeNull();
    await patch(client, { name: "Ada" });
    expect((await expectJson<{ user: PublicUserBody }>(await patch(client, { name: null }))).user.name).toBeNull();
    expect((await storedUser(email))?.name).toBeNull();

    const events = (await readAuthEvents(server.databaseUrl)).filter(
      (row) => row.user_id === user.id && row.event === "name_changed",
    );
    expect(events.map((row) => row.detail).sort()).toEqual(["cleared", "cleared", "set", "set", "set"]);
  });

  it("refuses bad input with 400 and per-field errors, and changes nothing", async () => {
    const { client, email } = await signedUp();
    await expectJson(await patch(client, { name: "Kept" }));
    const refusals: Array<[unknown, string]> = [
      [{}, "name"],
      [{ name: 42 }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "Ada\u200BLovelace" }, "name"],
      [{ name: "\uD800" }, "name"],
      [{ name: "Ada", isAdmin: true }, "body"],
      [{ name: "Ada", email: "other@example.com" }, "body"],
      [[], "body"],
      ["Ada", "body"],
    ];
    for (const [body, field] of refusals) {
      const refused = await expectError(await patch(client, body), 400, "invalid_input");
      expect(Object.keys(refused.error.fields ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    await expectError(
      await client.request("/api/account", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: '{"name": ',
      }),
      400,
      "invalid_json",
    );
    await expectError(
      await client.request("/api/account", {
        method: "PATCH",
        headers: { "content-type": "text/plain" },
        body: '{"name":"Ada"}',
      }),
      415,
      "unsupported_media_type",
    );
    expect(await storedUser(email)).toMatchObject({ name: "Kept", isAdmin: false });
    // A hundred characters is the limit, counted as characters, not UTF-16 units.
    const longest = "😀".repeat(100);
    expect((await expectJson<{ user: PublicUserBody }>(await patch(client, { name: longest }))).user.name).toBe(
      longest,
    );
  });

  it("is 401 signed out, and only PATCH and DELETE are served", async () => {
    const anonymous = new Client(server.baseUrl);
    const none = await expectError(await patch(anonymous, { name: "Ada" }), 401, "unauthorized");
    expect(none.error).toMatchObject({ reason: "none" });
    await expectError(await remove(anonymous), 401, "unauthorized");
    const { client } = await signedUp();
    const wrongVerb = await expectError(await client.request("/api/account"), 405, "method_not_allowed");
    expect(wrongVerb.error.message).toMatch(/PATCH/);
    await expectError(await client.json("POST", "/api/account", { name: "Ada" }), 405, "method_not_allowed");
  });
});

describe.concurrent("DELETE /api/account", () => {
  it("deletes the account: cookie cleared, user gone, every other session refused at once, audit rows masked", async () => {
    const { client, email, user } = await signedUp("delete");
    const other = await signedIn(email);
    const copied = copyOf(client);
    await expectJson(await patch(client, { name: "Soon Gone" }));

    const response = await remove(client);
    const cookie = sessionSetCookie(response.clone());
    expect(response.headers.get("clear-site-data")).toBe('"cache"');
    expect(await expectJson(response)).toEqual({ ok: true });
    expect(cookie && clearsCookie(cookie), "the session cookie is cleared").toBe(true);

    expect(await storedUser(email)).toBeNull();
    for (const session of [client, other, copied]) {
      const body = await expectJson<{ user: null; reason: string }>(await session.request("/api/sessions"));
      expect(body).toMatchObject({ user: null });
    }
    for (const session of [other, copied]) {
      const refused = await expectError(await patch(session, { name: "Back" }), 401, "unauthorized");
      expect(refused.error).toMatchObject({ reason: "removed" });
      await expectError(await remove(session), 401, "unauthorized");
    }

    const rows = await readAuthEvents(server.databaseUrl);
    expect(rows.filter((row) => row.user_id === user.id)).toEqual([]);
    expect(rows.filter((row) => JSON.stringify(row).includes(email))).toEqual([]);
    const masked = `deleted account ${email[0]}***@example.com`;
    const mine = rows.filter((row) => row.detail === masked);
    expect(mine.map((row) => row.event)).toEqual(
      expect.arrayContaining(["sign_up", "name_changed", "account_deleted"]),
    );
    expect(mine.find((row) => row.event === "account_deleted")).toMatchObject({ outcome: "success", user_id: null });

    // The email is free again: a new account, with a new id.
    const again = new Client(server.baseUrl);
    const fresh = await expectJson<{ user: PublicUserBody }>(
      await again.json("POST", "/api/users", { email, password: STRONG_PASSWORD }),
      201,
    );
    expect(fresh.user.id).not.toBe(user.id);
  });

  it("a wrong or missing password is 400 with `fields.password`; the account stays", async () => {
    const { client, email } = await signedUp("delete-wrong");
    const wrong = await expectError(await remove(client, "not my password at all"), 400, "invalid_input");
    expect(wrong.error.fields).toEqual({ password: "That is not your password." });
    for (const body of [{}, { password: "" }, { password: 42 }]) {
      const refused = await expectError(await client.json("DELETE", "/api/account", body), 400, "invalid_input");
      expect(Object.keys(refused.error.fields ?? {})).toEqual(["password"]);
    }
    expect(await storedUser(email)).not.toBeNull();
    expect(await currentUser(client)).toMatchObject({ email });
    const failed = (await readAuthEvents(server.databaseUrl)).filter(
      (row) => row.event === "account_deleted" && row.outcome === "failure",
    );
    expect(failed.some((row) => row.detail === "wrong password")).toBe(true);
  });

  it("past the step-up window it is 403 `reauthentication_required`, even with the password; after a confirmation it goes on", async () => {
    const { client, email } = await signedUp("delete-stale");
    const old = await stale(client);
    await expectError(await remove(old), 403, "reauthentication_required");
    expect(await storedUser(email)).not.toBeNull();
    expect(await currentUser(old)).toMatchObject({ email });

    await expectJson(await old.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD }));
    await expectJson(await remove(old));
    expect(await storedUser(email)).toBeNull();
  });

  it("the app's last admin gets 409 `last_admin` and keeps the account; with a second admin it goes", async () => {
    const first = await signedUp("delete-admin");
    await makeAdmin(first.user.id);
    const refused = await expectError(await remove(first.client), 409, "last_admin");
    expect(refused.error.message).toMatch(/admin/);
    expect(await storedUser(first.email)).toMatchObject({ isAdmin: true });
    expect(await currentUser(first.client)).toMatchObject({ email: first.email });

    const second = await signedUp("delete-admin");
    await makeAdmin(second.user.id);
    await expectJson(await remove(first.client));
    expect(await storedUser(first.email)).toBeNull();
    await expectError(await remove(second.client), 409, "last_admin");
  });
});
