import { CamelCasePlugin, Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { type DatabaseConfig, databaseConfig } from "@/lib/config/env";
import { RevocationCache, type RevocationFeed } from "@/lib/session/revocation-cache";
import type { FoundSession } from "@/lib/users/user-repository";
import { parseDatabaseUrl } from "./database-url";
import { migrationProvider } from "./migrations";
import { IronGatePostgresDialect } from "./postgres-dialect";
import { discardingLostConnections } from "./postgres-lost-connections";
import { createPostgresPool, type PoolSettings } from "./postgres-pool";
import { PostgresRevocationFeed } from "./postgres-revocation-feed";
import { precompiled } from "./precompiled";
import type { Database } from "./schema";
import { NodeSqliteDialect, openSqlite } from "./sqlite-dialect";
import { SqliteRevocationFeed } from "./sqlite-revocation-feed";
import { writeGeneration } from "./write-generation";

export type Db = Kysely<Database>;

const plugins = [new CamelCasePlugin()];

function sqliteKysely(path: string, readOnly = false): Db {
  return sqliteReader(path, readOnly).db;
}

function sqliteReader(path: string, readOnly: boolean): { db: Db; feed: RevocationFeed } {
  const connection = openSqlite(path);
  if (readOnly) connection.exec("PRAGMA query_only = ON");
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(connection), plugins });
  return { db, feed: new SqliteRevocationFeed(connection) };
}

function postgresKysely(url: string, settings: PoolSettings): Db {
  const pool = createPostgresPool(url, settings);
  return new Kysely<Database>({
    dialect: new IronGatePostgresDialect({ pool: discardingLostConnections(pool) }),
    plugins,
  });
}

/** The settings for `url`, with the pool and timeouts from the environment. */
const configFor = (url: string): DatabaseConfig => ({ ...databaseConfig(), DATABASE_URL: url });

/** Opens the database that `url` names as it is, without migrating (`npm run db:migrate`, `db:status`). */
export function connectDatabase(url: string, config: DatabaseConfig = configFor(url)): Db {
  const target = parseDatabaseUrl(url);
  return target.kind === "postgres" ? postgresKysely(target.url, config) : sqliteKysely(target.path);
}

/** Opens the database that `url` names and brings its schema up to date. */
export async function openDatabase(url: string, config?: DatabaseConfig): Promise<Db> {
  const db = connectDatabase(url, config);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * Applies the pending migrations; returns their names, in order (none when the schema is current). Each
 * runs in a transaction; on PostgreSQL under an advisory lock (postgres-dialect.ts), on SQLite under the
 * write lock that BEGIN IMMEDIATE takes: concurrent starts migrate once.
 */
export async function migrate(db: Db): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}

export interface MigrationState {
  name: string;
  /** When it was applied; null while it is pending. */
  appliedAt: Date | null;
}

/** Every migration the code knows, in order, and whether this database has it (`npm run db:status`). */
export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return migrations.map((migration) => ({ name: migration.name, appliedAt: migration.executedAt ?? null }));
}

/** `select 1`, compiled once (`precompiled.ts`): the health check runs it on every call. */
const selectOne = precompiled((db: Db) => db.selectNoFrom(sql<number>`1`.as("one")), 0);

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await selectOne(db);
    return true;
  } catch {
    return false;
  }
}

/** The session check's cache and the feed that says when it may be used (`session-lookup.ts`, issue 14). */
export interface SessionCache {
  cache: RevocationCache<FoundSession>;
  feed: RevocationFeed;
}

interface Databases {
  db: Db;
  reader: Db;
  sessions: SessionCache;
}

/**
 * The writer (migrated on open) and, on SQLite, a read-only second connection to the same file: in WAL mode
 * reads run while a write waits for a lock held by another process; on one connection they would queue
 * behind it. Session checks and health pings read through `reader()`. PostgreSQL's pool already runs reads
 * beside writes: there the reader is the same pool.
 */
async function openDatabases(url: string): Promise<Databases> {
  const db = await openDatabase(url);
  const target = parseDatabaseUrl(url);
  const cache = new RevocationCache<FoundSession>(databaseConfig().SESSION_CACHE_TTL);
  if (target.kind === "postgres") {
    return { db, reader: db, sessions: { cache, feed: new PostgresRevocationFeed(target.url, cache) } };
  }
  // An in-memory database exists once per connection: there, the writer reads too (and no one else writes).
  const reader = target.path === ":memory:" ? { db, feed: memoryFeed() } : sqliteReader(target.path, true);
  return { db, reader: reader.db, sessions: { cache, feed: reader.feed } };
}

/** `:memory:` is written by this process only: the local write generation says it all. */
function memoryFeed(): RevocationFeed {
  return { token: () => String(writeGeneration()), close: async () => {} };
}

// One database per process, shared by every bundle Next.js builds (App Router, Pages Router, proxy).
const holder = globalThis as typeof globalThis & { __ironGateDatabases?: Promise<Databases> };

function databases(): Promise<Databases> {
  holder.__ironGateDatabases ??= openDatabases(databaseConfig().DATABASE_URL).catch((error: unknown) => {
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

/** The session check's cache and its feed, for this process's database (`session-lookup.ts`). */
export async function sessionCache(): Promise<SessionCache> {
  return (await databases()).sessions;
}
