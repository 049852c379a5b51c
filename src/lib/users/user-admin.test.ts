import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "@/lib/db/database";
import { enginesUnderTest } from "../../../tests/support/engines";
import { deleteUser, setUserAdmin, setUserDisabled } from "./user-admin";
import { createUser, findUserById } from "./user-repository";

const engines = await enginesUnderTest();

// Each engine gets a database of its own: "the last admin" is a property of the whole users table.
describe.each(engines)("account administration on $title", (engine) => {
  let db: Db;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (engine.skip) return;
    const fresh = await engine.fresh();
    drop = fresh.drop;
    db = await openDatabase(fresh.url);
  }, 30_000);
  afterAll(async () => {
    await db?.destroy();
    await drop();
  }, 30_000);

  async function user(isAdmin = false): Promise<{ id: string; email: string; sessionVersion: number }> {
    const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
    const created = await createUser(db, { email, name: null, passwordHash: "hash", isAdmin });
    if (!created.ok) throw new Error("could not create the user");
    return created.user;
  }
  const adminCount = async (): Promise<number> =>
    (await db.selectFrom("users").select("id").where("isAdmin", "=", true).where("disabledAt", "is", null).execute())
      .length;

  it.skipIf(engine.skip)(
    "two admins demoting each other at once leave one admin (the row lock is the guard)",
    async () => {
      for (let round = 0; round < 5; round++) {
        await db.updateTable("users").set({ isAdmin: false }).execute();
        const [a, b] = [await user(true), await user(true)];
        const results = await Promise.all([setUserAdmin(db, a.id, false), setUserAdmin(db, b.id, false)]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok && result.reason === "last_admin")).toHaveLength(1);
        expect(await adminCount()).toBe(1);
      }
    },
  );

  it.skipIf(engine.skip)("disabling and deleting the last active admin are refused; others are not", async () => {
    await db.updateTable("users").set({ isAdmin: false }).execute();
    const only = await user(true);
    expect(await setUserDisabled(db, only.id, true)).toEqual({ ok: false, reason: "last_admin" });
    expect(await deleteUser(db, only.id)).toEqual({ ok: false, reason: "last_admin" });
    const second = await user(true);
    expect(await setUserDisabled(db, second.id, true)).toEqual({ ok: true });
    // A disabled admin keeps nobody's app administrable: `only` is still the last active one.
    expect(await setUserAdmin(db, only.id, false)).toEqual({ ok: false, reason: "last_admin" });
    expect(await setUserDisabled(db, second.id, false)).toEqual({ ok: true });
    expect(await setUserAdmin(db, only.id, false)).toEqual({ ok: true });
  });

  it.skipIf(engine.skip)("disabling ends every session at once; enabling does not bring them back", async () => {
    await user(true);
    const target = await user();
    expect(await setUserDisabled(db, target.id, true)).toEqual({ ok: true });
    const disabled = await findUserById(db, target.id);
    expect(disabled?.sessionVersion).toBe(target.sessionVersion + 1);
    expect(await setUserDisabled(db, target.id, true)).toEqual({ ok: true });
    expect(await setUserDisabled(db, target.id, false)).toEqual({ ok: true });
    expect((await findUserById(db, target.id))?.sessionVersion).toBe(target.sessionVersion + 1);
  });

  it.skipIf(engine.skip)(
    "deleting removes the user and its rows in one go; its audit rows keep a masked email",
    async () => {
      await user(true);
      const target = await user();
      const now = Date.now();
      await db
        .insertInto("endedSessions")
        .values({ sid: `sid-${target.id}`, userId: target.id, expiresAt: now + 60_000 })
        .execute();
      await db
        .insertInto("authEvents")
        .values({
          id: `event-${target.id}`,
          at: now,
          userId: target.id,
          event: "sign_in",
          outcome: "success",
          ip: null,
          userAgent: null,
          detail: target.email,
        })
        .execute();
      expect(await deleteUser(db, target.id)).toEqual({ ok: true });
      expect(await findUserById(db, target.id)).toBeNull();
      expect(await db.selectFrom("endedSessions").select("sid").where("userId", "=", target.id).execute()).toEqual([]);
      const event = await db
        .selectFrom("authEvents")
        .selectAll()
        .where("id", "=", `event-${target.id}`)
        .executeTakeFirst();
      expect(event?.userId).toBeNull();
      expect(event?.detail).not.toContain(target.email);
      expect(event?.detail).toContain(`${target.email[0]}***@example.com`);
    },
  );

  it.skipIf(engine.skip)("ids that do not exist are not_found", async () => {
    expect(await setUserAdmin(db, "missing", true)).toEqual({ ok: false, reason: "not_found" });
    expect(await setUserDisabled(db, "missing", true)).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteUser(db, "missing")).toEqual({ ok: false, reason: "not_found" });
  });
});
