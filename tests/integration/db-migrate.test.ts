import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { migrationProvider } from "@/lib/db/migrations";
import { createTestDatabase } from "../support/postgres";
import { testEngine } from "../support/test-engine";
import { runScript, tempDatabaseUrl } from "./helpers";

/** The tables of the database `url` names, seen through the app's own data layer. */
async function tableNames(url: string): Promise<string[]> {
  const db = connectDatabase(url);
  try {
    return (await db.introspection.getTables()).map((table) => table.name);
  } finally {
    await db.destroy();
  }
}

/**
 * `npm run db:migrate` says what it applied, on a brand-new database (a SQLite file, or on the PostgreSQL
 * project a PostgreSQL database), and nothing the second time.
 */
describe("npm run db:migrate", () => {
  it("names every migration it applies to a fresh database, then says it is up to date", {
    timeout: 60_000,
  }, async () => {
    const databaseUrl = testEngine() === "postgres" ? (await createTestDatabase()).url : tempDatabaseUrl();
    const names = Object.keys(await migrationProvider.getMigrations());
    expect(names.length).toBeGreaterThan(0);

    const first = await runScript("db:migrate", databaseUrl);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied: ${names.join(", ")}`);
    expect(await tableNames(databaseUrl)).toEqual(expect.arrayContaining(["users", "auth_events"]));

    const second = await runScript("db:migrate", databaseUrl);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("up to date");
    expect(second.stdout).not.toContain("Applied");
  });
});
