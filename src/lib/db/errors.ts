const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const PG_UNIQUE_VIOLATION = "23505";

function field(error: unknown, key: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** The database refused a duplicate (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return field(error, "errcode") === SQLITE_CONSTRAINT_UNIQUE || field(error, "code") === PG_UNIQUE_VIOLATION;
}

/** The database could not be reached, or stayed locked past its timeout: answer 503, fail closed. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const errcode = field(error, "errcode");
  if (errcode === SQLITE_BUSY || errcode === SQLITE_LOCKED) return true;
  const code = field(error, "code");
  return typeof code === "string" && ["ECONNREFUSED", "ETIMEDOUT", "57P01", "57P03", "53300"].includes(code);
}
