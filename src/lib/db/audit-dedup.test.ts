import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { audit } from "@/lib/audit/audit-log";
import { oncePerMinuteId } from "@/lib/audit/event-ids";
import {
  createTestDatabase,
  postgresForTests,
  postgresSuite,
  type TestDatabase,
} from "../../../tests/support/postgres";
import { db } from "./database";

const postgres = await postgresForTests();
const holder = globalThis as typeof globalThis & { __ironGateDatabases?: unknown };

/** The audit log's de-duplication through the app's own `db()`, pointed at PostgreSQL for this file. */
describe.skipIf(!postgres.available)(
  postgresSuite("audit de-duplication on PostgreSQL", postgres),
  { timeout: 30_000 },
  () => {
    let database: TestDatabase;
    const previousUrl = process.env.DATABASE_URL;

    beforeAll(async () => {
      database = await createTestDatabase();
      holder.__ironGateDatabases = undefined;
      process.env.DATABASE_URL = database.url;
    }, 30_000);
    afterAll(async () => {
      await (await db()).destroy();
      holder.__ironGateDatabases = undefined;
      process.env.DATABASE_URL = previousUrl;
      await database?.drop();
    }, 30_000);

    it("12 concurrent writes of the same once-a-minute event leave one row and no error", async () => {
      const { rows } = await sql<{ version: string }>`select version()`.execute(await db());
      expect(rows[0]?.version).toMatch(/^PostgreSQL/);
      const context = { ip: "203.0.113.9", userAgent: "race", requestId: "race" };
      const id = oncePerMinuteId("cookie_rejected", context);
      // audit() never throws (best effort): a refused duplicate would only show as an error line.
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await Promise.all(
        Array.from({ length: 12 }, () => audit({ id, event: "cookie_rejected", outcome: "blocked" }, context)),
      );
      const stored = await (await db()).selectFrom("authEvents").select("id").where("id", "=", id).execute();
      expect(stored).toHaveLength(1);
      expect(errors).not.toHaveBeenCalled();
      errors.mockRestore();
    });
  },
);
