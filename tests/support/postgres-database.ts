import { afterAll, beforeAll } from "vitest";
import { type Db, openDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "./postgres";

/**
 * A fresh, migrated PostgreSQL database for the suite it is called in: created before its tests, dropped
 * after them. Kept apart from `postgres.ts`, which `vitest.config.ts` loads and so must not import the app.
 */
export function freshPostgresDatabase(): { readonly database: TestDatabase; readonly db: Db } {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
  }, 30_000);
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  }, 30_000);
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the PostgreSQL test database is not open yet");
    return value;
  };
  return {
    get database() {
      return ready(database);
    },
    get db() {
      return ready(db);
    },
  };
}
