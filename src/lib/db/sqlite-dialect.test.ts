import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { isUniqueViolation } from "./errors";
import { openSqlite } from "./sqlite-dialect";

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), "iron-gate-db-")), "test.db");

describe("SQLite on node:sqlite (decision 9)", () => {
  it("opens with WAL, synchronous=FULL, foreign keys and a busy timeout", () => {
    const sqlite = openSqlite(tempFile());
    const pragma = (name: string): unknown => Object.values(sqlite.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2);
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(5000);
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
});
