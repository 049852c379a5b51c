import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectError, expectJson, expectLoginRedirect, pageText } from "../integration/helpers";
import { adminEndpoints, adminServer } from "../support/admin-server";
import { AdminFixture, type SignedIn } from "../support/admin-users";
import { Client, STRONG_PASSWORD } from "../support/http-client";

/**
 * Issue 11 §4, §5, §7: every admin endpoint against a signed-out caller, a normal user and an admin,
 * for other users' ids, the caller's own and ids that do not exist; the 403 page; the step-up window.
 */
const fixture = new AdminFixture(inject("baseUrl"), inject("databaseUrl"));
afterAll(() => fixture.close());

const UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAA";

const whoAmI = async (client: Client): Promise<{ user: { id: string } | null; reason?: string }> =>
  (await client.request("/api/sessions")).json();

describe("the admin API's authorization matrix", () => {
  let admin: SignedIn;
  let normal: SignedIn;
  let target: SignedIn;
  beforeAll(async () => {
    [admin, normal, target] = await Promise.all([
      fixture.user({ admin: true, label: "matrix-admin" }),
      fixture.user({ label: "matrix-normal" }),
      fixture.user({ label: "matrix-target" }),
    ]);
  });

  it("signed out: 401 on every endpoint, whatever the id", async () => {
    const anonymous = new Client(fixture.baseUrl);
    for (const id of [target.id, UNKNOWN_ID]) {
      for (const endpoint of adminEndpoints(id)) {
        const body = await expectError(await endpoint.send(anonymous), 401, "unauthorized");
        expect(body.error, endpoint.name).toBeDefined();
      }
    }
  });

  it("a normal user: 403 forbidden on every endpoint, for another user, themselves and unknown ids; nothing changes", async () => {
    for (const id of [target.id, normal.id, admin.id, UNKNOWN_ID]) {
      for (const endpoint of adminEndpoints(id))
        await expectError(await endpoint.send(normal.client), 403, "forbidden");
    }
    expect((await whoAmI(target.client)).user?.id).toBe(target.id);
    expect((await whoAmI(admin.client)).user?.id).toBe(admin.id);
    expect((await whoAmI(normal.client)).user?.id).toBe(normal.id);
    const row = await (await fixture.database())
      .selectFrom("users")
      .select(["isAdmin", "disabledAt"])
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect({ isAdmin: Boolean(row.isAdmin), disabledAt: row.disabledAt }).toEqual({ isAdmin: false, disabledAt: null });
  });

  it("an admin: 404 not_found for ids that do not exist, on every endpoint that takes one", async () => {
    for (const endpoint of adminEndpoints(UNKNOWN_ID).slice(1)) {
      await expectError(await endpoint.send(admin.client), 404, "not_found");
    }
    // An id that cannot be one (far too long) is a 404 too, not a 500.
    await expectError(await admin.client.json("DELETE", `/api/admin/users/${"x".repeat(300)}`), 404, "not_found");
  });

  it("an admin: each endpoint works on another user", async () => {
    const victim = await fixture.user({ label: "matrix-victim" });
    const list = await expectJson<{ users: { id: string }[] }>(
      await admin.client.request(`/api/admin/users?query=${encodeURIComponent(victim.email)}`),
    );
    expect(list.users.map((user) => user.id)).toEqual([victim.id]);
    const granted = await expectJson<{ user: { id: string; isAdmin: boolean } }>(
      await admin.client.json("PATCH", `/api/admin/users/${victim.id}`, { isAdmin: true }),
    );
    expect(granted.user).toMatchObject({ id: victim.id, isAdmin: true });
    await expectJson(await admin.client.json("POST", `/api/admin/users/${victim.id}/sign-out`));
    expect(await whoAmI(victim.client)).toMatchObject({ user: null, reason: "revoked" });
    await expectJson(await admin.client.json("DELETE", `/api/admin/users/${victim.id}`));
    await expectError(await admin.client.json("DELETE", `/api/admin/users/${victim.id}`), 404, "not_found");
  });

  it("the database decides, not the session: a demoted admin's open session is refused at once", async () => {
    const former = await fixture.user({ admin: true, label: "matrix-former" });
    await expectJson(await former.client.request("/api/admin/users"));
    await fixture.setAdmin(former.id, false);
    await expectError(await former.client.request("/api/admin/users"), 403, "forbidden");
    const page = await former.client.request("/admin");
    expect(page.status).toBe(403);
  });

  it("bad list parameters are 400 invalid_input with a message per parameter; bad bodies are 400", async () => {
    for (const query of ["page=0", "page=x", "pageSize=101", "pageSize=-1", `query=${"q".repeat(201)}`]) {
      const body = await expectError(await admin.client.request(`/api/admin/users?${query}`), 400, "invalid_input");
      expect(Object.keys(body.error.fields ?? {})).toHaveLength(1);
    }
    const path = `/api/admin/users/${target.id}`;
    await expectError(await admin.client.json("PATCH", path, {}), 400, "invalid_input");
    await expectError(await admin.client.json("PATCH", path, { isAdmin: true, disabled: true }), 400, "invalid_input");
    await expectError(await admin.client.json("PATCH", path, { isAdmin: "yes" }), 400, "invalid_input");
    await expectError(await admin.client.request(path, { method: "PATCH", body: "x" }), 415, "unsupported_media_type");
    await expectError(await admin.client.request(path, { method: "GET" }), 405, "method_not_allowed");
  });

  it("the /admin page: login redirect signed out, the 403 page for a normal user, the list for an admin", async () => {
    expectLoginRedirect(await new Client(fixture.baseUrl).request("/admin"), fixture.baseUrl, "/admin");
    const refused = await normal.client.request("/admin");
    expect(refused.status).toBe(403);
    const refusedText = pageText(await refused.text());
    expect(refusedText).toContain("Not allowed");
    expect(refusedText).not.toContain(target.email);
    const shown = await admin.client.request(`/admin?query=${encodeURIComponent(target.email)}`);
    expect(shown.status).toBe(200);
    expect(pageText(await shown.text())).toContain(target.email);
    // The header links to the admin area for admins only.
    expect(await (await admin.client.request("/account")).text()).toContain('href="/admin"');
    expect(await (await normal.client.request("/account")).text()).not.toContain('href="/admin"');
  });
});

describe("the admin API and the step-up window (R61)", () => {
  const stepUp = adminServer("admin-step-up", { SESSION_STEP_UP_WINDOW: "3s" });

  it("past the window every admin action is 403 reauthentication_required and changes nothing; the list is not an action", async () => {
    const admin = await stepUp().user({ admin: true, label: "stepup-admin" });
    const victim = await stepUp().user({ label: "stepup-victim" });
    // An empty PATCH is refused after the step-up check: 400 while the window is open, 403 once it closed.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await admin.client.json("PATCH", `/api/admin/users/${victim.id}`, {});
      expect([400, 403]).toContain(response.status);
      if (response.status === 403) break;
      if (Date.now() > deadline) throw new Error("the step-up window never closed");
      await sleep(250);
    }
    for (const endpoint of adminEndpoints(victim.id).slice(1)) {
      await expectError(await endpoint.send(admin.client), 403, "reauthentication_required");
    }
    // Unknown ids get the same answer: past the window nothing is looked up.
    await expectError(
      await admin.client.json("DELETE", `/api/admin/users/${UNKNOWN_ID}`),
      403,
      "reauthentication_required",
    );
    await expectJson(await admin.client.request("/api/admin/users"));
    expect((await whoAmI(victim.client)).user?.id).toBe(victim.id);

    await expectJson(await admin.client.json("POST", "/api/sessions/confirm", { password: STRONG_PASSWORD }));
    await expectJson(await admin.client.json("PATCH", `/api/admin/users/${victim.id}`, { disabled: true }));
    expect(await whoAmI(victim.client)).toMatchObject({ user: null, reason: "revoked" });
  });
});
