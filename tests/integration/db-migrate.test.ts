import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { migrationProvider } from "@/lib/db/migrations";
import { runScript, tempDatabaseUrl } from "./helpers";

/** `npm run db:migrate` says what it applied, on a brand-new SQLite file, and nothing the second time. */
describe("npm run db:migrate", () => {
  it("names every migration it applies to a fresh database, then says it is up to date", {
    timeout: 60_000,
  }, async () => {
    const databaseUrl = tempDatabaseUrl();
    const names = Object.keys(await migrationProvider.getMigrations());
    expect(names.length).toBeGreaterThan(0);

    const first = await runScript("db:migrate", databaseUrl);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied: ${names.join(", ")}`);
    const file = new DatabaseSync(databaseUrl.slice("file:".length), { readOnly: true });
    const tables = file.prepare("select name from sqlite_master where type = 'table'").all();
    file.close();
    expect(tables.map((row) => row.name)).toEqual(expect.arrayContaining(["users", "auth_events"]));

    const second = await runScript("db:migrate", databaseUrl);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("up to date");
    expect(second.stdout).not.toContain("Applied");
  });
});
