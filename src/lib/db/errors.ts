const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const PG_UNIQUE_VIOLATION = "23505";
const PG_FOREIGN_KEY_VIOLATION = "23503";

/** PostgreSQL SQLSTATEs that mean "try again later", never "your request is wrong". */
const PG_UNAVAILABLE = new Set([
  "57014", // query_canceled: the statement timeout
  "57P01", // admin_shutdown: pg_terminate_backend, a restart
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up
  "53300", // too_many_connections
  "25P03", // idle_in_transaction_session_timeout
  "55P03", // lock_not_available: the lock timeout
]);
/** A transaction that lost a race with another one: nothing was written, so running it again is safe. */
const PG_RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
/** What `pg` and its pool say, without a code, when a connection dies or cannot be had in time. */
const PG_CONNECTION_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Query read timeout",
  "is not queryable",
];

function field(error: unknown, key: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** The database refused a duplicate (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return field(error, "errcode") === SQLITE_CONSTRAINT_UNIQUE || field(error, "code") === PG_UNIQUE_VIOLATION;
}

/** A row refers to one that is gone (SQLite SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  return field(error, "errcode") === SQLITE_CONSTRAINT_FOREIGNKEY || field(error, "code") === PG_FOREIGN_KEY_VIOLATION;
}

/** The database could not be reached, or stayed locked past its timeout: answer 503, fail closed. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** A serialization failure or deadlock: the transaction did nothing and may simply be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = field(error, "code");
  return typeof code === "string" && PG_RETRYABLE.has(code);
}

/** The connection itself is gone (killed, reset, closed by the server): it must not be used again. */
export function isConnectionLost(error: unknown): boolean {
  const code = field(error, "code");
  if (typeof code === "string" && (["57P01", "57P02", "ECONNRESET", "EPIPE"].includes(code) || code.startsWith("08"))) {
    return true;
  }
  const message = field(error, "message");
  return (
    typeof message === "string" && (message.includes("Connection terminated") || message.includes("is not queryable"))
  );
}

/** SQLite's "another connection holds the write lock": the driver retries it before it becomes a 503. */
export function isSqliteBusy(error: unknown): boolean {
  return field(error, "errcode") === SQLITE_BUSY;
}

/**
 * One meaning for both engines (decision 8): locked, unreachable, killed, out of connections, too slow or
 * in a lost race all mean "service unavailable, try again", never a 500.
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const errcode = field(error, "errcode");
  if (errcode === SQLITE_BUSY || errcode === SQLITE_LOCKED) return true;
  const code = field(error, "code");
  if (typeof code === "string") {
    if (PG_UNAVAILABLE.has(code) || PG_RETRYABLE.has(code) || NETWORK_CODES.has(code)) return true;
    if (code.startsWith("08")) return true; // connection_exception and its subclasses
  }
  const message = field(error, "message");
  return typeof message === "string" && PG_CONNECTION_MESSAGES.some((text) => message.includes(text));
}
