import { type DialectAdapter, type Kysely, PostgresAdapter, PostgresDialect, sql } from "kysely";

/** The advisory lock key for Iron Gate's migrations (any constant; this one spells "irongate" in ASCII). */
const MIGRATION_LOCK_ID = sql.lit(7598258041298973797n);
/** How long an instance waits for another one's migrations before it gives up starting. */
const MIGRATION_LOCK_TIMEOUT = "60s";

/**
 * Kysely's migrator calls this on its own connection, then migrates in a transaction on it: a session-level
 * `pg_advisory_lock` makes instances starting together migrate one at a time, and the later ones find nothing
 * left to do. The app's statement timeout would cancel that wait (and a long migration) after a few seconds,
 * so the migrating session lifts it and bounds the lock wait instead, then puts both back.
 */
class MigratingPostgresAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`select set_config('statement_timeout', '0', false), set_config('lock_timeout', ${MIGRATION_LOCK_TIMEOUT}, false)`.execute(
      db,
    );
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(db);
    await sql`reset statement_timeout`.execute(db);
    await sql`reset lock_timeout`.execute(db);
  }
}

/** Kysely's PostgreSQL dialect over a `pg` pool, with the migration lock above. */
export class IronGatePostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new MigratingPostgresAdapter();
  }
}
