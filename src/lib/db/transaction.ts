import type { Transaction } from "kysely";
import type { Db } from "./database";
import { isRetryableTransactionError } from "./errors";
import type { Database } from "./schema";

export type Trx = Transaction<Database>;

/** Runs after the first try: two more, then the error stands (a 503 upstream). */
const RETRIES = 2;

/**
 * The one way to run a read-then-write. SQLite: BEGIN IMMEDIATE takes the database's write
 * lock before the first read (sqlite-dialect.ts). PostgreSQL: READ COMMITTED, and the body locks the rows
 * it decides on with `SELECT … FOR UPDATE` (a no-op on SQLite). A serialization failure or deadlock rolled
 * everything back, so the whole body runs again; `work` must therefore only touch the database.
 */
export async function transaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= RETRIES || !isRetryableTransactionError(error)) throw error;
    }
  }
}
