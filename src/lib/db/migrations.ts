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
  "0002_ended_sessions": {
    async up(db: Kysely<unknown>): Promise<void> {
      // Sessions ended by sign-out, kept until their seal could no longer be used anyway (R15).
      await db.schema
        .createTable("ended_sessions")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("ended_sessions_expires_at").on("ended_sessions").column("expires_at").execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
