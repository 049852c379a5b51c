import pg from "pg";
import type { DatabaseConfig } from "@/lib/config/env";
import { log } from "@/lib/log/logger";

const INT8_OID = 20;

/**
 * `bigint` columns (epoch milliseconds, counts) as numbers, as SQLite gives them: `pg` hands int8 back as
 * strings because it can exceed 2^53. Ours never do; one that did would be refused rather than rounded.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit in a JavaScript number`);
  return value;
}

/** Type parsers for this pool only: the process-wide `pg.types` stay as they are for any other user. */
function types(): pg.CustomTypesConfig {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(INT8_OID, parseInt8);
  return overrides;
}

export type PoolSettings = Omit<DatabaseConfig, "DATABASE_URL">;

/**
 * A pool sized and bounded for a small deployment: waiting for a connection, a statement or an
 * idle transaction each has a limit, so a stuck database answers 503 instead of hanging requests. TLS comes
 * from `sslmode` in the URL.
 */
export function createPostgresPool(url: string, settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.DATABASE_POOL_MAX,
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT,
    // Timeouts the server enforces (and the migrator can lift for its own session: postgres-dialect.ts).
    statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT,
    idle_in_transaction_session_timeout: settings.DATABASE_IDLE_TX_TIMEOUT,
    // A server that vanished without closing the connection is noticed by TCP keepalive, not never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: "iron-gate",
    types: types(),
  });
  // A connection killed while idle in the pool (a restart, pg_terminate_backend) is reported here; without
  // a listener it would crash the process. The pool drops that client and opens a fresh one when asked.
  pool.on("error", (error) => log.warn("database_connection_lost", { error: error.message }));
  // The pool listens only while a client is idle; one killed while checked out between two statements would
  // emit an unhandled "error" too. The statement that uses it next fails and the pool discards it on release.
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
