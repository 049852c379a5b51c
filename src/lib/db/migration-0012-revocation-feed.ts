import { type Kysely, PostgresAdapter, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Migration 0012, PostgreSQL only (the one migration that branches on the dialect): triggers that
 * `NOTIFY iron_gate_revocation` with the user id on every insert or update of `ended_sessions` and every
 * update or delete of `users` (any column: simplest, and a sign-in's `last_sign_in_at` costs only a cache
 * miss). The revocation feed (`postgres-revocation-feed.ts`) drops that user's cached session checks. A
 * notification is sent at commit, so a rolled-back change tells no one. SQLite has no NOTIFY: there the
 * feed reads `PRAGMA data_version` instead, and this migration does nothing.
 */
export const revocationFeedMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    await sql`
      create function iron_gate_notify_revocation() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'users' then
          perform pg_notify('iron_gate_revocation', old.id);
          if tg_op = 'UPDATE' and new.id is distinct from old.id then
            perform pg_notify('iron_gate_revocation', new.id);
          end if;
        else
          perform pg_notify('iron_gate_revocation', new.user_id);
        end if;
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger users_revocation_feed after update or delete on users
      for each row execute function iron_gate_notify_revocation()`.execute(db);
    await sql`
      create trigger ended_sessions_revocation_feed after insert or update on ended_sessions
      for each row execute function iron_gate_notify_revocation()`.execute(db);
  },
};
