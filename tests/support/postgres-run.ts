import { dropRunDatabases } from "./test-postgres";

/**
 * Global setup of the PostgreSQL projects: sweeps what killed runs left behind, and at the end drops every
 * database this run created, whether the tests passed or failed.
 */
export default async function setup(): Promise<() => Promise<void>> {
  await dropRunDatabases();
  return async () => {
    const dropped = await dropRunDatabases();
    console.log(`PostgreSQL: dropped the run's ${dropped.length} test databases`);
  };
}
