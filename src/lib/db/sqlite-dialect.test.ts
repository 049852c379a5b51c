import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { isUniqueViolation } from "./errors";
import { migrationProvider } from "./migrations";
import { openSqlite, whenNotBusy } from "./sqlite-dialect";

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), "iron-gate-db-")), "test.db");

describe("SQLite on node:sqlite (decision 9)", () => {
  it("opens with WAL, synchronous=FULL, foreign keys, and no busy wait on the event loop", () => {
    const sqlite = openSqlite(tempFile());
    const pragma = (name: string): unknown => Object.values(sqlite.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2);
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(0);
    sqlite.close();
  });

  it("creates the schema on first open and is idempotent", async () => {
    const file = tempFile();
    const first = await openDatabase(`file:${file}`);
    await first.destroy();
    const second = await openDatabase(`file:${file}`);
    const tables = await second.selectFrom("users").select("id").execute();
    expect(tables).toEqual([]);
    await second.destroy();
  });

  it("round-trips booleans and maps the unique index error", async () => {
    const database = await openDatabase(`file:${tempFile()}`);
    const row = { id: "u1", email: "a@example.com", name: null, passwordHash: "h", isAdmin: true, createdAt: 1 };
    await database.insertInto("users").values(row).execute();
    const stored = await database.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(Boolean(stored.isAdmin)).toBe(true);
    const duplicate = await database
      .insertInto("users")
      .values({ ...row, id: "u2" })
      .execute()
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await database.destroy();
  });

  it("serialises transactions on one connection without losing writes", async () => {
    const database = await openDatabase(`file:${tempFile()}`);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.transaction().execute(async (trx) => {
          await trx
            .insertInto("users")
            .values({
              id: `u${i}`,
              email: `u${i}@example.com`,
              name: null,
              passwordHash: "h",
              isAdmin: false,
              createdAt: i,
            })
            .execute();
        }),
      ),
    );
    expect(await database.selectFrom("users").select("id").execute()).toHaveLength(20);
    await database.destroy();
  });

  it("waits for another process's write lock off the event loop, then writes", async () => {
    const file = tempFile();
    const database = await openDatabase(`file:${file}`);
    const other = openSqlite(file);
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(() => other.exec("ROLLBACK"), 300);
    await database
      .insertInto("users")
      .values({ id: "u1", email: "a@example.com", name: null, passwordHash: "h", isAdmin: false, createdAt: 1 })
      .execute();
    clearInterval(ticker);
    // The event loop kept turning while the insert waited: the ROLLBACK that released the lock is a timer in this
    // same process, so a blocking wait could never have seen it. No count of ticks: a busy machine delays timers.
    expect(ticks).toBeGreaterThan(0);
    expect(await database.selectFrom("users").select("id").execute()).toEqual([{ id: "u1" }]);
    other.close();
    await database.destroy();
  });

  it("gives up with SQLITE_BUSY when the lock outlives the timeout", async () => {
    const file = tempFile();
    const first = openSqlite(file);
    const second = openSqlite(file);
    first.exec("CREATE TABLE t (x integer)");
    first.exec("BEGIN IMMEDIATE");
    const error = await whenNotBusy(() => second.exec("INSERT INTO t VALUES (1)"), 100).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ errcode: 5 });
    first.exec("ROLLBACK");
    first.close();
    second.close();
  });

  it("migrates one fresh file from several connections at once: each migration commits whole, once", async () => {
    const file = tempFile();
    const databases = await Promise.all(Array.from({ length: 4 }, () => openDatabase(`file:${file}`)));
    const applied = await databases[0]
      ?.selectFrom("kysely_migration" as never)
      .selectAll()
      .execute();
    expect(applied?.length).toBe(Object.keys(await migrationProvider.getMigrations()).length);
    await Promise.all(databases.map((database) => database.destroy()));
  });

  it("bounds the wait per spell of locking, not per statement", async () => {
    const file = tempFile();
    const holder = openSqlite(file);
    const waiters = Array.from({ length: 3 }, () => openSqlite(file));
    holder.exec("CREATE TABLE t (x integer)");
    holder.exec("BEGIN IMMEDIATE");
    // One after the other, as Kysely runs them on its single connection.
    const started = Date.now();
    const outcomes: string[] = [];
    for (const [i, waiter] of waiters.entries()) {
      await whenNotBusy(() => waiter.exec(`INSERT INTO t VALUES (${i})`), 300).then(
        () => outcomes.push("ok"),
        () => outcomes.push("busy"),
      );
    }
    expect(outcomes).toEqual(["busy", "busy", "busy"]);
    expect(Date.now() - started).toBeLessThan(600); // about 300 ms for the spell, not 3 × 300 ms
    holder.exec("ROLLBACK");
    for (const connection of [holder, ...waiters]) connection.close();
  });
});
