import { describe, expect, inject, it } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { readAuthEvents } from "../security/support";
import { Client, STRONG_PASSWORD } from "../support/http-client";
import { CHROME_LINUX, devicesOf, endDevice, FIREFOX_WINDOWS, idOf, signInAs, signUpAs } from "./devices-support";
import { clearsCookie, copyOf, currentUser, expectError, expectJson, sessionSetCookie } from "./helpers";

const NEW_PASSWORD = "marble harbor violin cactus meadow";

async function status(client: Client): Promise<{ user: unknown; reason?: string }> {
  return (await client.request("/api/sessions")).json();
}

describe.concurrent("your devices (issue 11 §1, §5)", () => {
  it("lists every live session newest first, with its device, address and the current flag", async () => {
    const { client: first, email } = await signUpAs(CHROME_LINUX);
    const second = await signInAs(email, FIREFOX_WINDOWS);
    const fromFirst = await devicesOf(first);
    expect(fromFirst).toHaveLength(2);
    expect(fromFirst.map((device) => [device.device, device.current])).toEqual([
      ["Firefox on Windows", false],
      ["Chrome on Linux", true],
    ]);
    for (const device of fromFirst) {
      expect(device.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(device.ipAddress).toBe("127.0.0.1");
      expect(device.lastActiveAt).toBeGreaterThanOrEqual(device.createdAt);
    }
    expect((fromFirst[0]?.createdAt ?? 0) >= (fromFirst[1]?.createdAt ?? 0)).toBe(true);
    // The same ids from the other device, with the flag on the other one.
    const fromSecond = await devicesOf(second);
    expect(fromSecond.map((device) => [device.id, device.current])).toEqual([
      [fromFirst[0]?.id, true],
      [fromFirst[1]?.id, false],
    ]);
  });

  it("the id is not the session id of the seal (it never appears in the cookie or the database's sid)", async () => {
    const { client } = await signUpAs(CHROME_LINUX);
    const id = await idOf(client);
    const database = connectDatabase(inject("databaseUrl"));
    try {
      const row = await database.selectFrom("userSessions").select("sid").where("sid", "=", id).executeTakeFirst();
      expect(row).toBeUndefined();
    } finally {
      await database.destroy();
    }
  });

  it("signing another device out kills its copied cookie at once and takes it off the list", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    const other = await signInAs(email, FIREFOX_WINDOWS);
    const stolen = copyOf(other);
    const otherId = await idOf(other);
    const body = await expectJson<{ ok: boolean; current: boolean; signedOut: boolean }>(
      await endDevice(client, otherId),
    );
    expect(body).toEqual({ ok: true, current: false, signedOut: false });
    expect(await status(stolen)).toMatchObject({ user: null, reason: "revoked" });
    expect(await status(other)).toMatchObject({ user: null, reason: "revoked" });
    expect((await stolen.request("/private")).headers.get("location")).toBe("/login?next=%2Fprivate&reason=revoked");
    expect((await devicesOf(client)).map((device) => device.id)).not.toContain(otherId);
    // This device goes on; the ended id is now not one of the user's live sessions.
    const me = await currentUser(client);
    expect(me).toMatchObject({ email });
    await expectError(await endDevice(client, otherId), 404, "not_found");
    const events = await readAuthEvents(inject("databaseUrl"));
    const mine = events.filter((event) => event.event === "device_signed_out" && event.user_id === me?.id);
    expect(mine.map((event) => event.detail)).toEqual(["Firefox on Windows"]);
  });

  it("signing this device out signs this browser out too and says so", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    const other = await signInAs(email, FIREFOX_WINDOWS);
    const copy = copyOf(client);
    const response = await endDevice(client, await idOf(client));
    const cookie = sessionSetCookie(response);
    expect(await expectJson(response)).toEqual({ ok: true, current: true, signedOut: true });
    expect(cookie && clearsCookie(cookie)).toBe(true);
    expect(client.cookies.size).toBe(0);
    expect(await status(copy)).toMatchObject({ user: null, reason: "revoked" });
    expect((await devicesOf(other)).map((device) => device.current)).toEqual([true]);
  });

  it("another user's session id is a 404 exactly like a made-up one, and that session lives on", async () => {
    const { client } = await signUpAs(CHROME_LINUX);
    const { client: victim, email: victimEmail } = await signUpAs(FIREFOX_WINDOWS);
    const victimId = await idOf(victim);
    const foreign = await expectError(await endDevice(client, victimId), 404, "not_found");
    const madeUp = await expectError(await endDevice(client, "AAAAAAAAAAAAAAAAAAAAAA"), 404, "not_found");
    const malformed = await expectError(await endDevice(client, "not an id at all"), 404, "not_found");
    expect(foreign).toEqual(madeUp);
    expect(malformed).toEqual(madeUp);
    expect(await currentUser(victim)).toMatchObject({ email: victimEmail });
    expect((await devicesOf(victim)).map((device) => device.id)).toEqual([victimId]);
    expect((await devicesOf(client)).map((device) => device.id)).not.toContain(victimId);
  });

  it("a cross-site request cannot sign a device out (403 cross_origin, the device lives on)", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    const other = await signInAs(email, FIREFOX_WINDOWS);
    const id = await idOf(other);
    const path = `/api/account/sessions/${id}`;
    await expectError(
      await client.json("DELETE", path, undefined, { origin: "https://evil.example" }),
      403,
      "cross_origin",
    );
    expect(await currentUser(other)).toMatchObject({ email });
    expect((await devicesOf(client)).map((device) => device.id)).toContain(id);
  });

  it("signed out: 401 for the list and for ending a device", async () => {
    const { client } = await signUpAs(CHROME_LINUX);
    const id = await idOf(client);
    await expectError(await new Client().request("/api/account/sessions"), 401, "unauthorized");
    await expectError(await endDevice(new Client(), id), 401, "unauthorized");
    await expectError(await client.json("POST", "/api/account/sessions"), 405, "method_not_allowed");
  });

  it("a signed-out session leaves the list; signing in over a session replaces its row", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    const other = await signInAs(email, FIREFOX_WINDOWS);
    await expectJson(await other.json("POST", "/api/logout"));
    expect((await devicesOf(client)).map((device) => device.device)).toEqual(["Chrome on Linux"]);
    const before = await idOf(client);
    const body = { email, password: STRONG_PASSWORD };
    await expectJson(await client.json("POST", "/api/sessions", body, { "user-agent": FIREFOX_WINDOWS }));
    const after = await devicesOf(client);
    expect(after.map((device) => [device.device, device.current])).toEqual([["Firefox on Windows", true]]);
    expect(after[0]?.id).not.toBe(before);
  });

  it("a sessionVersion bump ends the rows it kills: sign out everywhere else, a password change", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    await signInAs(email, FIREFOX_WINDOWS);
    const keptId = await idOf(client);
    await expectJson(await client.json("POST", "/api/sessions/revoke-others"));
    expect((await devicesOf(client)).map((device) => [device.id, device.current])).toEqual([[keptId, true]]);
    await signInAs(email, FIREFOX_WINDOWS);
    expect(await devicesOf(client)).toHaveLength(2);
    const change = { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD };
    await expectJson(await client.json("POST", "/api/account/password", change));
    expect((await devicesOf(client)).map((device) => [device.id, device.current])).toEqual([[keptId, true]]);
  });

  it("sign out everywhere leaves no device behind", async () => {
    const { client, email } = await signUpAs(CHROME_LINUX);
    const fresh = await signInAs(email, FIREFOX_WINDOWS);
    await expectJson(await fresh.json("DELETE", "/api/sessions?scope=all"));
    const again = await signInAs(email, CHROME_LINUX);
    expect((await devicesOf(again)).map((device) => device.current)).toEqual([true]);
    expect(await status(client)).toMatchObject({ user: null, reason: "revoked" });
  });
});
