import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { isSqliteBusy } from "./errors";
import { StatementCache } from "./statement-cache";
import { noteStatement } from "./write-generation";

/** How long a statement keeps retrying while another process holds SQLite's write lock. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a SQLite file with the durability settings of decision 9. SQLite's own busy timeout is 0: with
 * `node:sqlite` it would sleep on the event loop and freeze every request; the driver waits instead.
 */
export function openSqlite(path: string): DatabaseSync {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { timeout: 0 });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  return db;
}

/** When this process first found the database locked, in the current spell of locking; null when it is not. */
let busySince: number | null = null;

/**
 * Runs one statement; while the database is locked by someone else it retries with a growing pause, off
 * the event loop, then gives up with the SQLITE_BUSY error (a 503 upstream). Retrying is safe: a statement
 * refused with SQLITE_BUSY did nothing. The wait is bounded per spell of locking, not per statement:
 * statements queued behind one that is waiting give up when it does, instead of waiting 5 s each in turn.
 */
export async function whenNotBusy<T>(run: () => T, timeoutMs = BUSY_TIMEOUT_MS): Promise<T> {
  const started = Date.now();
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      const result = run();
      busySince = null;
      return result;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      busySince ??= started;
      if (Date.now() + pause > Math.min(started, busySince) + timeoutMs) throw error;
      await sleep(pause);
    }
  }
}

/** node:sqlite binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function toSqlite(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map((value) => (typeof value === "boolean" ? Number(value) : (value as SQLInputValue)));
}

/** SQLite runs DDL inside transactions: each migration then commits whole or not at all, under one write lock. */
class NodeSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

const ROW_LOCKS = new Set(["ForUpdate", "ForNoKeyUpdate", "ForShare", "ForKeyShare", "NoWait", "SkipLocked"]);

/**
 * `SELECT … FOR UPDATE` is how a read-then-write locks its row on PostgreSQL. SQLite has no row locks and
 * no such syntax: there BEGIN IMMEDIATE already holds the whole database's write lock, so the clause is
 * dropped and the same query runs on both engines.
 */
class NodeSqliteQueryCompiler extends SqliteQueryCompiler {
  protected override visitSelectQuery(node: SelectQueryNode): void {
    const endModifiers = node.endModifiers?.filter((modifier) => !ROW_LOCKS.has(modifier.modifier ?? ""));
    super.visitSelectQuery({ ...node, endModifiers });
  }
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #statements: StatementCache;

  constructor(db: DatabaseSync) {
    this.#statements = new StatementCache(db);
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return whenNotBusy(() => {
      try {
        const { statement, returnsRows } = this.#statements.get(query.sql);
        const parameters = toSqlite(query.parameters);
        if (returnsRows) return { rows: statement.all(...parameters) as R[] };
        const { changes, lastInsertRowid } = statement.run(...parameters);
        return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
      } finally {
        // After the statement, done or refused: the revocation cache's local write generation.
        noteStatement(query.sql);
      }
    });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (const row of rows) yield { rows: [row] };
  }
}

/** One connection (Kysely serialises its use); read-then-write transactions take the write lock up front. */
class NodeSqliteDriver implements Driver {
  readonly #connection: NodeSqliteConnection;
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#connection = new NodeSqliteConnection(db);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.#db.close();
  }
}

/** Kysely's SQLite dialect on the built-in `node:sqlite` driver. */
export class NodeSqliteDialect implements Dialect {
  constructor(private readonly db: DatabaseSync) {}

  createAdapter(): DialectAdapter {
    return new NodeSqliteAdapter();
  }
  createDriver(): Driver {
    return new NodeSqliteDriver(this.db);
  }
  createQueryCompiler(): QueryCompiler {
    return new NodeSqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
