import { spawn } from "node:child_process";
import { createTestDatabase, dropTestDatabase } from "./postgres";

/**
 * Playwright's PostgreSQL web server: creates the database `E2E_POSTGRES_DB` that playwright.config.ts named
 * (so the fixtures in the test workers know it too), runs `next start` on it, and drops it when stopped.
 * Usage: node --import tsx tests/support/e2e-postgres-server.ts <port>
 */
const name = process.env.E2E_POSTGRES_DB ?? "";
const port = process.argv[2] ?? "";
const database = await createTestDatabase(name);
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  env: { ...process.env, DATABASE_URL: database.url },
  stdio: "inherit",
});

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    next.kill("SIGTERM");
    await new Promise((resolve) => (next.exitCode === null ? next.once("exit", resolve) : resolve(null)));
    await dropTestDatabase(name).catch(() => undefined);
  }
  process.exit(code);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(0));
next.once("exit", (code) => void stop(code ?? 1));
