import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enginesUnderTest } from "../../../tests/support/engines";
import { type Db, openDatabase } from "./database";
import { precompiled } from "./precompiled";

const engines = await enginesUnderTest();

const byEmail = precompiled(
  (db: Db, email: string, name: string) =>
    db.selectFrom("users").select(["id", "sessionVersion"]).where("email", "=", email).where("name", "=", name),
  2,
);

describe.each(engines)("precompiled queries on $name (issue 14)", (engine) => {
  describe.skipIf(engine.skip)(engine.title, { timeout: 30_000 }, () => {
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await engine.fresh();
      drop = fresh.drop;
      db = await openDatabase(fresh.url);
      const user = (id: string, email: string, name: string) => ({
        id,
        email,
        name,
        passwordHash: "h",
        isAdmin: false,
        createdAt: 1,
      });
      await db
        .insertInto("users")
        .values([user("u1", "a@example.com", "Ada"), user("u2", "b@example.com", "Bo")])
        .execute();
    });
    afterAll(async () => {
      await db.destroy();
      await drop();
    });

    it("binds each call's arguments in their places, through the plugins (camelCase columns)", async () => {
      expect(await byEmail(db, "a@example.com", "Ada")).toEqual([{ id: "u1", sessionVersion: 1 }]);
      expect(await byEmail(db, "b@example.com", "Bo")).toEqual([{ id: "u2", sessionVersion: 1 }]);
      expect(await byEmail(db, "a@example.com", "Bo")).toEqual([]);
    });

    it("treats an argument as a value, never as SQL", async () => {
      expect(await byEmail(db, "a@example.com' or '1'='1", "Ada")).toEqual([]);
      expect(await byEmail(db, "a@example.com", "Ada' --")).toEqual([]);
    });
  });
});

describe("precompiled queries refuse a builder that does not bind an argument", () => {
  it("throws instead of running the wrong query", async () => {
    const engine = engines[0];
    if (!engine) throw new Error("no engine");
    const fresh = await engine.fresh();
    const db = await openDatabase(fresh.url);
    const unbound = precompiled((d: Db, _email: string) => d.selectFrom("users").select("id"), 1);
    await expect(unbound(db, "a@example.com")).rejects.toThrow(/argument 0 is not a bound parameter/);
    await db.destroy();
    await fresh.drop();
  });
});
