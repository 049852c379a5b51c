import { setTimeout } from "node:timers/promises";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "@/lib/config/env";
import { createTestDatabase, postgresForTests, postgresSuite } from "../../../tests/support/postgres";
import { freshPostgresDatabase } from "../../../tests/support/postgres-database";
import { type Db, openDatabase } from "./database";
import { isUniqueViolation } from "./errors";
import { migrationProvider } from "./migrations";

const postgres = await postgresForTests();

const user = (id: string, email: string) => ({
  id,
  email,
  name: null,
  passwordHash: "h",
  isAdmin: true,
  createdAt: 1_764_000_000_000, // epoch ms: past 2^31, a bigint column
});

describe.skipIf(!postgres.available)(
  postgresSuite("PostgreSQL through pg and Kysely (issue 10)", postgres),
  { timeout: 30_000 },
  () => {
    const fresh = freshPostgresDatabase();

    it("creates the same schema, with bigint milliseconds that come back as numbers", async () => {
      // CamelCasePlugin renames result columns too.
      const columns = await sql<{ columnName: string; dataType: string }>`
      select column_name, data_type from information_schema.columns
      where table_name = 'throttles' order by column_name`.execute(fresh.db);
      expect(Object.fromEntries(columns.rows.map((c) => [c.columnName, c.dataType]))).toMatchObject({
        blocked_until: "bigint",
        updated_at: "bigint",
      });
      await fresh.db.insertInto("users").values(user("u1", "a@example.com")).execute();
      const stored = await fresh.db.selectFrom("users").selectAll().where("id", "=", "u1").executeTakeFirstOrThrow();
      expect(stored.createdAt).toBe(1_764_000_000_000);
      expect(stored.isAdmin).toBe(true);
      const count = await fresh.db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(1);
    });

    it("refuses a duplicate email with the error SQLite's unique index gives", async () => {
      const duplicate = await fresh.db
        .insertInto("users")
        .values(user("u2", "a@example.com"))
        .execute()
        .catch((error: unknown) => error);
      expect(isUniqueViolation(duplicate)).toBe(true);
    });

    it("migrates one fresh database from several instances at once: once, and none fails", async () => {
      const fresh = await createTestDatabase();
      try {
        const instances = await Promise.all(Array.from({ length: 6 }, () => openDatabase(fresh.url)));
        const inFresh = await sql<{ name: string }>`select name from kysely_migration`.execute(instances[0] as Db);
        expect(inFresh.rows.map((row) => row.name)).toEqual(Object.keys(await migrationProvider.getMigrations()));
        await Promise.all(instances.map((instance) => instance.destroy()));
      } finally {
        await fresh.drop();
      }
    });

    it("waits for another instance's migrations past the statement timeout, then applies that timeout again", async () => {
      const fresh = await createTestDatabase();
      const other = new pg.Client(fresh.url);
      await other.connect();
      // Another instance "migrating": it holds the lock for a second, five times the statement timeout.
      await other.query("select pg_advisory_lock(7598258041298973797)");
      const released = setTimeout(1_000).then(() => other.query("select pg_advisory_unlock(7598258041298973797)"));
      const config = {
        ...databaseConfig(),
        DATABASE_URL: fresh.url,
        DATABASE_POOL_MAX: 1,
        DATABASE_STATEMENT_TIMEOUT: 200,
      };
      try {
        const instance = await openDatabase(fresh.url, config);
        await released;
        // The one connection, the one the migrator lifted the timeout on, has it back.
        const { rows } = await sql<{ statementTimeout: string }>`show statement_timeout`.execute(instance);
        expect(rows[0]?.statementTimeout).toBe("200ms");
        await instance.destroy();
      } finally {
        await released.catch(() => undefined);
        await other.end();
        await fresh.drop();
      }
    });
  },
);
