import { describe, expect, it } from "vitest";
import { runScript } from "../../../tests/integration/helpers";
import { enginesUnderTest } from "../../../tests/support/engines";
import { migrationProvider } from "./migrations";

const engines = await enginesUnderTest();

/** `npm run db:status` and `npm run db:migrate` on a fresh database of each engine (issue 10 §6). */
describe.each(engines)("db:status and db:migrate on $name", (engine) => {
  describe.skipIf(engine.skip)(engine.title, () => {
    it("lists every migration as pending, applies them, then lists them as applied", { timeout: 90_000 }, async () => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const fresh = await engine.fresh();
      try {
        const before = await runScript("db:status", fresh.url);
        expect(before.code, before.stderr).toBe(0);
        for (const name of names) expect(before.stdout).toContain(`pending  ${name}`);
        expect(before.stdout).toContain(`${names.length} pending`);

        const migrated = await runScript("db:migrate", fresh.url);
        expect(migrated.code, migrated.stderr).toBe(0);
        expect(migrated.stdout).toContain(`Applied: ${names.join(", ")}`);

        const after = await runScript("db:status", fresh.url);
        expect(after.code, after.stderr).toBe(0);
        for (const name of names)
          expect(after.stdout).toMatch(new RegExp(`applied  \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  ${name}`));
        expect(after.stdout).toContain("up to date");
      } finally {
        await fresh.drop();
      }
    });
  });
});
