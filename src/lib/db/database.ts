import { CamelCasePlugin, Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { databaseUrl } from "@/lib/config/env";
import { parseDatabaseUrl } from "./database-url";
import { DatabaseUnavailableError } from "./errors";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";
import { NodeSqliteDialect, openSqlite } from "./sqlite-dialect";

export type Db = Kysely<Database>;

function sqlitePath(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    throw new DatabaseUnavailableError("PostgreSQL is not supported yet: use a file: DATABASE_URL");
  }
  return target.path;
}

function kysely(path: string, readOnly = false): Db {
  const connection = openSqlite(path);
  if (readOnly) connection.exec("PRAGMA query_only = ON");
  return new Kysely<Database>({ dialect: new NodeSqliteDialect(connection), plugins: [new CamelCasePlugin()] });
}

/** Opens the database that `url` names as it is: for `npm run db:migrate`, which reports what it applies. */
export function connectDatabase(url: string): Db {
  return kysely(sqlitePath(url));
}

/** Opens the database that `url` names and brings its schema up to date. */
export async function openDatabase(url: string): Promise<Db> {
  const db = connectDatabase(url);
  await migrate(db);
  return db;
}

/** Applies the pending migrations; returns their names, in order (none when the schema is current). */
export async function migrate(db: Db): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

interface Databases {
  db: Db;
  reader: Db;
}

/**
 * The writer (migrated on open) and a read-only second connection to the same file. SQLite in WAL mode
 * lets reads run while a write waits for a lock held by another process; on one connection they would queue
 * behind it. Session checks and health pings read through `reader()`.
 */
async function openDatabases(url: string): Promise<Databases> {
  const db = await openDatabase(url);
  const path = sqlitePath(url);
  // An in-memory database exists once per connection: there, the writer reads too.
  return { db, reader: path === ":memory:" ? db : kysely(path, true) };
}

// One database per process, shared by every bundle Next.js builds (App Router, Pages Router, proxy).
const holder = globalThis as typeof globalThis & { __ironGateDatabases?: Promise<Databases> };

function databases(): Promise<Databases> {
  holder.__ironGateDatabases ??= openDatabases(databaseUrl()).catch((error: unknown) => {
    holder.__ironGateDatabases = undefined;
    throw error;
  });
  return holder.__ironGateDatabases;
}

/** The application's database, opened and migrated on first use. */
export async function db(): Promise<Db> {
  return (await databases()).db;
}

/** A read-only connection for the hot read paths; never waits behind a write. */
export async function reader(): Promise<Db> {
  return (await databases()).reader;
}
