import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * PostgreSQL for tests: the machine's server (127.0.0.1:5432, trust auth, as CI has it) unless
 * IRON_GATE_TEST_POSTGRES_URL names another. Each test file creates its own database and drops it after.
 */
export const ADMIN_URL = process.env.IRON_GATE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type PostgresForTests = { available: true } | { available: false; reason: string };

let checked: Promise<PostgresForTests> | undefined;

async function check(): Promise<PostgresForTests> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return { available: true };
  } catch (error) {
    return { available: false, reason: `PostgreSQL at ${ADMIN_URL} is unreachable (${String(error)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL suites can run here. Unreachable: they are skipped and the reason printed, unless
 * IRON_GATE_REQUIRE_POSTGRES=1 (CI), where that is an error: CI never skips them.
 */
export async function postgresForTests(): Promise<PostgresForTests> {
  checked ??= check();
  const state = await checked;
  if (state.available) return state;
  if (process.env.IRON_GATE_REQUIRE_POSTGRES === "1") throw new Error(`${state.reason}; IRON_GATE_REQUIRE_POSTGRES=1`);
  process.stderr.write(`PostgreSQL tests skipped: ${state.reason}\n`);
  return state;
}

/** The title for a PostgreSQL suite, saying why when it is skipped. */
export function postgresSuite(title: string, state: PostgresForTests): string {
  return state.available ? title : `${title} (skipped: ${state.reason})`;
}

export interface TestDatabase {
  /** A postgres:// URL for the fresh, empty database. */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `iron_gate_test_<pid>_<random>`, empty, for one test file (or one test). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `iron_gate_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(async (client) => void (await client.query(`drop database if exists ${name} with (force)`))),
  };
}

/** Runs SQL as the admin on the test database `name` (to kill its connections, say). */
export async function asAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  return admin(run);
}
