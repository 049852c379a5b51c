import { asAdmin, dropTestDatabase, postgresForTests, TEST_DATABASE_NAME, testRunPid } from "./postgres";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/** Drops every test database of this run, and of runs whose process is gone (killed before their teardown). */
async function dropRunDatabases(): Promise<number> {
  const { rows } = await asAdmin((client) =>
    client.query<{ datname: string }>("select datname from pg_database where datname like 'iron\\_gate\\_test\\_%'"),
  );
  const doomed = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(TEST_DATABASE_NAME.exec(name)?.[1] ?? Number.NaN);
      return Number.isInteger(pid) && (pid === testRunPid() || !alive(pid));
    });
  for (const name of doomed) await dropTestDatabase(name);
  return doomed.length;
}

/**
 * Global setup of the projects that use PostgreSQL: sweeps what killed runs left behind, and at the end drops
 * every database this run created (app servers' included), whether the tests passed or failed.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!(await postgresForTests()).available) return async () => {};
  await dropRunDatabases();
  return async () => {
    const dropped = await dropRunDatabases();
    if (dropped > 0) console.log(`PostgreSQL: dropped the ${dropped} test databases still there at the end of the run`);
  };
}
