import type { MigrationState } from "@/lib/db/database";

/** One line per migration (`applied 2026-01-02T03:04:05.000Z  0001_users` or `pending  0002_…`), then a total. */
export function formatMigrationStatus(migrations: MigrationState[]): string {
  const lines = migrations.map((migration) =>
    migration.appliedAt
      ? `applied  ${migration.appliedAt.toISOString()}  ${migration.name}`
      : `pending  ${migration.name}`,
  );
  const pending = migrations.filter((migration) => migration.appliedAt === null).length;
  const summary =
    pending === 0
      ? "The database is up to date."
      : `${pending} pending: run npm run db:migrate (the app also does on start).`;
  return [...lines, summary].join("\n");
}
