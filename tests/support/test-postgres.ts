import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The PostgreSQL side of the test runs: every suite gets a database of its own, created from the maintenance
 * database and dropped when the run ends (also when it fails; a run killed outright is swept by the next).
 */

/** The maintenance database the suites connect to in order to create, inspect and drop their own. */
export function postgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
}

/** The vitest process: vitest.config.ts writes it to the environment its workers inherit. */
function runPid(): number {
  return Number(process.env.IRON_GATE_TEST_RUN ?? process.pid);
}

const NAME = /^iron_gate_(\d+)_[0-9a-f]+$/;

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!NAME.test(name)) throw new Error(`not a test database: ${name}`);
  return name;
}

/** Runs `work` on a connection of its own to `url` (an app database, from the test's side). */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` on a connection of its own to the maintenance database. */
export function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  return withConnection(postgresAdminUrl(), work);
}

/** Creates `iron_gate_<pid>_<random>` (empty: the app migrates it) and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `iron_gate_${runPid()}_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database this run created, closing whatever is still connected to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
}

/** `pg_terminate_backend` on every connection to the database `url` names; returns how many were ended. */
export async function terminateConnections(url: string): Promise<number> {
  const name = databaseName(url);
  const result = await withAdmin((admin) =>
    admin.query<{ ended: string }>(
      "select count(*) filter (where pg_terminate_backend(pid)) as ended from pg_stat_activity where datname = $1",
      [name],
    ),
  );
  return Number(result.rows[0]?.ended ?? 0);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/** Drops every test database of this run and of runs whose process is gone; returns their names. */
export async function dropRunDatabases(): Promise<string[]> {
  return withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'iron\\_gate\\_%'",
    );
    const doomed = rows
      .map((row) => row.datname)
      .filter((name) => {
        const pid = Number(NAME.exec(name)?.[1] ?? Number.NaN);
        return Number.isInteger(pid) && (pid === runPid() || !alive(pid));
      });
    for (const name of doomed) await admin.query(`drop database if exists ${name} with (force)`);
    return doomed;
  });
}
