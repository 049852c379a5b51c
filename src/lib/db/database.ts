import { CamelCasePlugin, Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { databaseUrl } from "@/lib/config/env";
import { parseDatabaseUrl } from "./database-url";
import { DatabaseUnavailableError } from "./errors";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";
import { NodeSqliteDialect, openSqlite } from "./sqlite-dialect";

export type Db = Kysely<Database>;

/** Opens the database that `url` names and brings its schema up to date. */
export async function openDatabase(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    throw new DatabaseUnavailableError("PostgreSQL is not supported yet: use a file: DATABASE_URL");
  }
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect(openSqlite(target.path)),
    plugins: [new CamelCasePlugin()],
  });
  await migrate(db);
  return db;
}

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

// One database per process, shared by every bundle Next.js builds (App Router, Pages Router, proxy).
const holder = globalThis as typeof globalThis & { __ironGateDb?: Promise<Db> };

/** The application's database, opened and migrated on first use. */
export function db(): Promise<Db> {
  holder.__ironGateDb ??= openDatabase(databaseUrl()).catch((error: unknown) => {
    holder.__ironGateDb = undefined;
    throw error;
  });
  return holder.__ironGateDb;
}
