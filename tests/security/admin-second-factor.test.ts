import { beforeAll, describe, expect, it } from "vitest";
import { expectError, expectJson, pageText } from "../integration/helpers";
import { adminEndpoints, adminServer } from "../support/admin-server";
import type { SignedIn } from "../support/admin-users";
import { Client } from "../support/http-client";
import { codeAt, enrol, nextStep, passwordStep } from "../support/second-factor";

/**
 * Issue 13 §3 in the admin guard (`requireAdmin`): on a server with `ADMIN_REQUIRE_SECOND_FACTOR=true`, an
 * admin signed in with a password alone is refused everywhere in the admin area (API, page, no-JS action);
 * the same admin signed in with password + an authenticator code gets in. (A passkey session counts as well:
 * `adminFactorDecision` in src/lib/auth/second-factor-policy.test.ts.)
 */
const fixture = adminServer("admin-second-factor", { ADMIN_REQUIRE_SECOND_FACTOR: "true" });

/** A new browser signed in as `email` with password + the authenticator code of the next 30-second step. */
async function signInWithCode(email: string, secret: string): Promise<Client> {
  const client = new Client(fixture().baseUrl);
  const first = await expectJson<{ secondFactor: string }>(await passwordStep(client, email));
  expect(first.secondFactor).toBe("required");
  // The enrolment used this step's code: a later step's is needed.
  await nextStep();
  await expectJson(await client.json("POST", "/api/sessions/second-factor", { code: codeAt(secret) }));
  return client;
}

/** The hidden fields of the no-JavaScript confirmation form on `/admin?user=…&confirm=disable`. */
async function confirmFormFields(client: Client, userId: string): Promise<Array<[string, string]>> {
  const response = await client.request(`/admin?user=${userId}&confirm=disable`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const fields = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((match): [string, string] => {
    const name = /name="([^"]*)"/.exec(match[0])?.[1] ?? "";
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? "";
    return [name.replace(/&quot;/g, '"'), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&")];
  });
  expect(
    fields.some(([name]) => name.startsWith("$ACTION")),
    "the confirmation renders no server action",
  ).toBe(true);
  return fields;
}

const disabledAt = async (id: string): Promise<number | null> =>
  (
    await (
      await fixture().database()
    )
      .selectFrom("users")
      .select("disabledAt")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).disabledAt;

describe("ADMIN_REQUIRE_SECOND_FACTOR=true (issue 13 §3)", { timeout: 120_000 }, () => {
  let admin: SignedIn;
  let target: SignedIn;
  let withCode: Client;
  beforeAll(async () => {
    [admin, target] = await Promise.all([
      fixture().user({ admin: true, label: "factor-admin" }),
      fixture().user({ label: "factor-target" }),
    ]);
  });

  it("an admin signed in with a password alone: 403 second_factor_required everywhere; nothing changes", async () => {
    for (const endpoint of adminEndpoints(target.id)) {
      const body = await expectError(await endpoint.send(admin.client), 403, "second_factor_required");
      expect(body.error.message, endpoint.name).toMatch(/second factor/);
    }
    expect(await disabledAt(target.id)).toBeNull();
    const page = await admin.client.request("/admin");
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).toContain("Two-step sign-in needed");
    expect(text).not.toContain(target.email);
  });

  it("a normal user still gets 403 forbidden, never the second-factor answer", async () => {
    const normal = await fixture().user({ label: "factor-normal" });
    for (const endpoint of adminEndpoints(target.id))
      await expectError(await endpoint.send(normal.client), 403, "forbidden");
    expect((await normal.client.request("/admin")).status).toBe(403);
  });

  it("the same admin after enrolling TOTP and signing in with password + code gets in", async () => {
    const { secret } = await enrol(admin.client);
    // The password-only session stays refused: it was not signed in with the factor.
    await expectError(await admin.client.request("/api/admin/users"), 403, "second_factor_required");
    withCode = await signInWithCode(admin.email, secret);
    const list = await expectJson<{ users: { id: string }[] }>(
      await withCode.request(`/api/admin/users?query=${encodeURIComponent(target.email)}`),
    );
    expect(list.users.map((user) => user.id)).toEqual([target.id]);
    const page = await withCode.request("/admin");
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).not.toContain("Two-step sign-in needed");
    expect(text).toContain(target.email);

    const victim = await fixture().user({ label: "factor-victim" });
    await expectJson(await withCode.json("PATCH", `/api/admin/users/${victim.id}`, { isAdmin: true }));
    await expectJson(await withCode.json("PATCH", `/api/admin/users/${victim.id}`, { isAdmin: false }));
    await expectJson(await withCode.json("POST", `/api/admin/users/${victim.id}/sign-out`));
    await expectJson(await withCode.json("DELETE", `/api/admin/users/${victim.id}`));
  });

  it("the no-JavaScript action refuses a password-only session too, and changes nothing", async () => {
    expect(withCode, "needs the previous test's session").toBeDefined();
    // The form is rendered for the session with the factor; the password-only session posts it.
    const fields = await confirmFormFields(withCode, target.id);
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const response = await admin.client.request("/admin", { method: "POST", body: form });
    // Back to /admin, which explains the rule (not a `done` notice).
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin");
    expect(await disabledAt(target.id)).toBeNull();
    // The same post from the session with the factor does disable the user: the refusal above was the rule.
    const again = new FormData();
    for (const [name, value] of fields) again.append(name, value);
    const done = await withCode.request("/admin", { method: "POST", body: again });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toContain("done=disable");
    expect(await disabledAt(target.id)).not.toBeNull();
  });
});
