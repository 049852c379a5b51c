import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { postgresForTests } from "../support/postgres";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

/**
 * Issue 14 §1: `npm run bench -- --smoke` runs every scenario for a second and produces numbers. It checks
 * no target (numbers on a shared test machine mean nothing); it uses the app `npm test` has just built.
 */
describe("the benchmark, smoke run", { timeout: 600_000 }, () => {
  it("runs every scenario, floors included, and prints a number for each", async () => {
    const postgres = await postgresForTests();
    const args = ["bench/run.ts", "--smoke", "--no-app-build", ...(postgres.available ? [] : ["--no-postgres"])];
    const { stdout } = await run(join(root, "node_modules/.bin/tsx"), args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 16 * 2 ** 20,
    });
    const scenarios = ["bare route", "bare page", "iron-session check", "A health", "B session", "B' new cookie"];
    scenarios.push("C private", "C' signed out");
    if (postgres.available)
      scenarios.push("PG B 1 instance", "PG B 2 instances", "PG C 1 instance", "PG C 2 instances");
    for (const name of scenarios) {
      expect(stdout).toMatch(new RegExp(`\\| ${name} \\| [1-9][0-9]* \\(`));
    }
    expect(stdout).toMatch(/D: B's p99 idle [0-9.]+/);
    expect(stdout).toMatch(/E: [0-9.]+ \([0-9.-]+\) sign-ins\/s against an isolated hash rate of [0-9.]+/);
    expect(stdout).toMatch(/\| app B' \| [0-9]+ \| [0-9.]+ MB \| [0-9.]+ MB \|/);
    if (postgres.available) expect(stdout).toMatch(/Revocation across two PostgreSQL instances: [0-9.]+/);
  });
});
