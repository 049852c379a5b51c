import { beforeAll, describe, expect, it } from "vitest";
import type { AdminUserView } from "@/lib/admin/admin-user-list";
import { adminServer } from "../support/admin-server";
import type { SignedIn } from "../support/admin-users";
import { Client, STRONG_PASSWORD } from "../support/http-client";
import { expectError, expectJson } from "./helpers";

/**
 * Issue 11 §4: the admin actions over real HTTP, on a server of their own: "the last admin" is a property
 * of the whole users table, so no other test file may add admins to this database.
 */
const fixture = adminServer("admin");
let admin: SignedIn;

beforeAll(async () => {
  admin = await fixture().user({ admin: true, label: "first-admin" });
});

/** The API's JSON is the server's view, as is. */
type AdminUser = AdminUserView;
interface UserPage {
  users: AdminUser[];
  page: number;
  pageSize: number;
  total: number;
}

const list = async (query: string): Promise<UserPage> =>
  expectJson<UserPage>(await admin.client.request(`/api/admin/users?${query}`));
const patch = (id: string, body: unknown, by: SignedIn = admin): Promise<Response> =>
  by.client.json("PATCH", `/api/admin/users/${id}`, body);
const whoAmI = async (client: Client): Promise<{ user: { id: string } | null; reason?: string }> =>
  (await client.request("/api/sessions")).json();

/** The admin events recorded for `targetId`, oldest first. */
async function auditOf(targetId: string): Promise<{ event: string; outcome: string; userId: string | null }[]> {
  return (await fixture().database())
    .selectFrom("authEvents")
    .select(["event", "outcome", "userId"])
    .where("detail", "like", `target ${targetId}%`)
    .orderBy("at")
    .execute();
}

describe("admin actions", () => {
  it("the last active admin cannot be demoted, disabled or deleted (409 last_admin); with a second admin they can", async () => {
    for (const body of [{ isAdmin: false }, { disabled: true }]) {
      await expectError(await patch(admin.id, body), 409, "last_admin");
    }
    await expectError(await admin.client.json("DELETE", `/api/admin/users/${admin.id}`), 409, "last_admin");
    expect((await whoAmI(admin.client)).user?.id).toBe(admin.id);
    expect((await auditOf(admin.id)).map((row) => row.outcome)).toEqual(["failure", "failure", "failure"]);

    const second = await fixture().user({ admin: true, label: "second-admin" });
    const demoted = await expectJson<{ user: AdminUser }>(await patch(second.id, { isAdmin: false }));
    expect(demoted.user).toMatchObject({ id: second.id, isAdmin: false });
    await expectError(await second.client.request("/api/admin/users"), 403, "forbidden");
  });

  it("disable: the victim's cookie is refused at once, and their sign-in is exactly a wrong password's; enable restores sign-in", async () => {
    const victim = await fixture().user({ label: "disabled" });
    const before = await expectJson<{ user: AdminUser }>(await patch(victim.id, { disabled: true }));
    expect(before.user).toMatchObject({ id: victim.id, disabled: true });
    expect(await whoAmI(victim.client)).toMatchObject({ user: null, reason: "revoked" });
    await expectError(await victim.client.json("POST", "/api/account/password", {}), 401, "unauthorized");

    const wrong = await fixture().signIn(victim.email, "not the password at all, no");
    const disabled = await fixture().signIn(victim.email, STRONG_PASSWORD);
    expect(disabled.status).toBe(wrong.status);
    expect(disabled.status).toBe(401);
    expect(await disabled.json()).toEqual(await wrong.json());
    expect(disabled.headers.getSetCookie()).toEqual([]);

    const enabled = await expectJson<{ user: AdminUser }>(await patch(victim.id, { disabled: false }));
    expect(enabled.user.disabled).toBe(false);
    expect((await fixture().signIn(victim.email)).status).toBe(200);
    // The cookie from before stays dead: enabling does not bring old sessions back.
    expect(await whoAmI(victim.client)).toMatchObject({ user: null, reason: "revoked" });
    expect((await auditOf(victim.id)).map((row) => [row.event, row.userId])).toEqual([
      ["user_disabled", admin.id],
      ["user_enabled", admin.id],
    ]);
  });

  it("the session check itself refuses a disabled user's seal, even without the version bump", async () => {
    const user = await fixture().user({ label: "disabled-row" });
    // As if only `disabled_at` had been written: the seal's version is still current.
    await (await fixture().database())
      .updateTable("users")
      .set({ disabledAt: Date.now() })
      .where("id", "=", user.id)
      .execute();
    expect(await whoAmI(user.client)).toMatchObject({ user: null, reason: "revoked" });
  });

  it("grant and revoke admin take effect on the user's open session", async () => {
    const user = await fixture().user({ label: "promoted" });
    await expectError(await user.client.request("/api/admin/users"), 403, "forbidden");
    await expectJson(await patch(user.id, { isAdmin: true }));
    await expectJson(await user.client.request("/api/admin/users"));
    await expectJson(await patch(user.id, { isAdmin: false }));
    await expectError(await user.client.request("/api/admin/users"), 403, "forbidden");
    expect((await auditOf(user.id)).map((row) => row.event)).toEqual(["admin_granted", "admin_revoked"]);
  });

  it("force sign-out ends every session of the user; the account stays", async () => {
    const user = await fixture().user({ label: "signed-out" });
    const other = new Client(fixture().baseUrl);
    await expectJson(await other.json("POST", "/api/sessions", { email: user.email, password: STRONG_PASSWORD }));
    await expectJson(await admin.client.json("POST", `/api/admin/users/${user.id}/sign-out`));
    expect(await whoAmI(user.client)).toMatchObject({ user: null, reason: "revoked" });
    expect(await whoAmI(other)).toMatchObject({ user: null, reason: "revoked" });
    expect((await fixture().signIn(user.email)).status).toBe(200);
    expect((await whoAmI(admin.client)).user?.id).toBe(admin.id);
  });

  it("delete removes the user: the cookie says removed, sign-in fails, the list no longer has them", async () => {
    const user = await fixture().user({ label: "deleted" });
    await expectJson(await admin.client.json("DELETE", `/api/admin/users/${user.id}`));
    expect(await whoAmI(user.client)).toMatchObject({ user: null, reason: "removed" });
    expect((await fixture().signIn(user.email)).status).toBe(401);
    expect((await list(`query=${encodeURIComponent(user.email)}`)).total).toBe(0);
    await expectError(await patch(user.id, { isAdmin: true }), 404, "not_found");
    // The admin's audit rows name the target by id; the refused grant on a deleted id is recorded too.
    expect((await auditOf(user.id)).map((row) => [row.event, row.outcome, row.userId])).toEqual([
      ["user_deleted", "success", admin.id],
      ["admin_granted", "failure", admin.id],
    ]);
  });
});

describe("the user list", () => {
  it("pages through users newest first without overlap, with the total", async () => {
    const tag = `page${Date.now()}`;
    const made: SignedIn[] = [];
    for (let i = 0; i < 5; i++) made.push(await fixture().user({ label: tag }));
    const pages = [1, 2, 3].map((page) => list(`query=${tag}&page=${page}&pageSize=2`));
    const [first, second, third] = await Promise.all(pages);
    expect([first?.total, second?.total, third?.total]).toEqual([5, 5, 5]);
    expect([first?.users.length, second?.users.length, third?.users.length]).toEqual([2, 2, 1]);
    const ids = [first, second, third].flatMap((page) => page?.users.map((user) => user.id) ?? []);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual(made.map((user) => user.id).reverse());
    expect((await list(`query=${tag}&page=4&pageSize=2`)).users).toEqual([]);
    expect(Object.keys(first?.users[0] ?? {}).sort()).toEqual(
      ["createdAt", "disabled", "email", "id", "isAdmin", "lastSignInAt", "liveSessions", "name"].sort(),
    );
  });

  it("searches email and name case-insensitively, taking % and _ literally", async () => {
    const tag = `q${Date.now()}`;
    const percent = await fixture().user({ label: `${tag}-a`, name: "Discount 100% Off" });
    const plain = await fixture().user({ label: `${tag}-b`, name: "Discount 1000 Off" });
    const underscore = await fixture().user({ label: `${tag}_c` });
    const ids = async (query: string): Promise<string[]> =>
      (await list(`query=${encodeURIComponent(query)}&pageSize=100`)).users.map((user) => user.id).sort();
    expect(await ids("100%")).toEqual([percent.id]);
    expect(await ids("discount 100")).toEqual([percent.id, plain.id].sort());
    expect(await ids(`${tag}_`)).toEqual([underscore.id]);
    expect(await ids(`${tag.toUpperCase()}-A`)).toEqual([percent.id]);
    expect(await ids(`${tag}%`)).toEqual([]);
  });

  it("shows the last sign-in and counts live sessions as the device list does", async () => {
    const user = await fixture().user({ label: "live" });
    const find = async (): Promise<AdminUser | undefined> =>
      (await list(`query=${encodeURIComponent(user.email)}`)).users[0];
    // The sign-up's own session counts, and is its first sign-in (device-sign-in.ts).
    expect(await find()).toMatchObject({ lastSignInAt: expect.any(Number), liveSessions: 1 });
    const before = Date.now();
    const other = new Client(fixture().baseUrl);
    await expectJson(await other.json("POST", "/api/sessions", { email: user.email, password: STRONG_PASSWORD }));
    const signedIn = await find();
    expect(signedIn?.lastSignInAt).toBeGreaterThanOrEqual(before - 1000);
    expect(signedIn?.liveSessions).toBe(2);
    await expectJson(await other.json("DELETE", "/api/sessions"));
    expect((await find())?.liveSessions).toBe(1);
    await expectJson(await admin.client.json("POST", `/api/admin/users/${user.id}/sign-out`));
    expect((await find())?.liveSessions).toBe(0);
  });
});
