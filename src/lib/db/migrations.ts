import { type Kysely, sql } from "kysely";
import type { Migration, MigrationProvider } from "kysely/migration";

/**
 * Every schema change, in order. One set for SQLite and PostgreSQL: only types both understand
 * (text, integer, bigint, boolean) and no dialect-specific defaults. Never edit a shipped migration;
 * add the next one.
 */
const migrations: Record<string, Migration> = {
  "0001_users": {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text")
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("is_admin", "boolean", (c) => c.notNull().defaultTo(sql`false`))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
