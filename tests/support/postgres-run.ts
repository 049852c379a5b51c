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

/**
 * Drops the test databases of runs whose process is gone (killed before their teardown) and, with `ours`,
 * this run's too. Never this run's at the start: the projects' global setups run in no fixed order, so
 * another project's server may already be using one.
 */
async function dropDatabases(ours: boolean): Promise<number> {
  const { rows } = await asAdmin((client) =>
    client.query<{ datname: string }>("select datname from pg_database where datname like 'iron\\_gate\\_test\\_%'"),
  );
  const doomed = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(TEST_DATABASE_NAME.exec(name)?.[1] ?? Number.NaN);
      return Number.isInteger(pid) && (pid === testRunPid() ? ours : !alive(pid));
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
  await dropDatabases(false);
  return async () => {
    const dropped = await dropDatabases(true);
    if (dropped > 0) console.log(`PostgreSQL: dropped the ${dropped} test databases still there at the end of the run`);
  };
}
