import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * PostgreSQL for tests: the machine's server (127.0.0.1:5432, trust auth, as CI has it) unless
 * IRON_GATE_TEST_POSTGRES_URL names another. Each test file creates its own database and drops it after; the
 * PostgreSQL projects' global teardown (postgres-run.ts) drops whatever a failed run left.
 */
export const ADMIN_URL = process.env.IRON_GATE_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";

export type PostgresForTests = { available: true } | { available: false; reason: string };

let checked: Promise<PostgresForTests> | undefined;

async function check(): Promise<PostgresForTests> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return { available: true };
  } catch (error) {
    return { available: false, reason: `PostgreSQL at ${redacted(ADMIN_URL)} is unreachable (${String(error)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
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

/** Runs `run` on a connection of its own to `url` (a test database, from the test's side). */
export async function withConnection<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the admin, on the maintenance database (to create, drop, or kill connections to a test one). */
export function asAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  return withConnection(ADMIN_URL, run);
}

/** The vitest process (vitest.config.ts hands it to its workers): a run's databases share its pid. */
export function testRunPid(): number {
  return Number(process.env.IRON_GATE_TEST_RUN || process.pid);
}

/** `iron_gate_test_<pid of the run>_<random>`. */
export const TEST_DATABASE_NAME = /^iron_gate_test_(\d+)_[0-9a-f]+$/;

/** `iron_gate_test_<pid of the run>_<random>`: a name the run's teardown, or the next run's sweep, drops. */
export function newTestDatabaseName(pid = testRunPid()): string {
  return `iron_gate_test_${pid}_${randomBytes(4).toString("hex")}`;
}

/** The URL of the test database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `iron_gate_test_<pid>_<random>`, empty, for one test file (or one test, or one app server). */
export async function createTestDatabase(name = newTestDatabaseName()): Promise<TestDatabase> {
  if (!TEST_DATABASE_NAME.test(name)) throw new Error(`not a test database name: ${name}`);
  await asAdmin((client) => client.query(`create database ${name}`));
  return { url: testDatabaseUrl(name), name, drop: () => dropTestDatabase(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!TEST_DATABASE_NAME.test(name)) throw new Error(`not a test database: ${name}`);
  await asAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
}

/** `pg_terminate_backend` on every connection to the test database `url`; returns how many were ended. */
export async function terminateConnections(url: string): Promise<number> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const { rows } = await asAdmin((client) =>
    client.query<{ ended: string }>(
      "select count(*) filter (where pg_terminate_backend(pid)) as ended from pg_stat_activity where datname = $1",
      [name],
    ),
  );
  return Number(rows[0]?.ended ?? 0);
}
