import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import type { Reporter } from "vitest/node";

const alias = { "@": fileURLToPath(new URL("./src", import.meta.url)) };

// Every PostgreSQL database a run creates is named after the vitest process (iron_gate_test_<pid>_<random>),
// so the run's global teardown (tests/support/postgres-run.ts) can drop them all, also after failures.
process.env.IRON_GATE_TEST_RUN ??= String(process.pid);

/** The unit tests that go through the data layer: they run once per engine. */
const DATA_LAYER_TESTS = [
  "src/lib/users/user-repository.test.ts",
  "src/lib/auth/auth-service.test.ts",
  "src/lib/session/session-store.test.ts",
  "src/lib/mail/email-tokens.test.ts",
  "src/lib/mail/outbox.test.ts",
  "src/lib/verification/verification.test.ts",
  "src/lib/verification/sign-up-required.test.ts",
  "src/lib/second-factor/second-factor-store.test.ts",
  "src/lib/passkeys/passkey-store.test.ts",
  "src/lib/devices/device-store.test.ts",
  "src/lib/mail/outbox-claims.test.ts",
  "src/lib/mail/mail-sender.test.ts",
  "src/lib/throttle/mail-throttle.test.ts",
  "src/lib/auth/password-reset.test.ts",
];
const INTEGRATION_TESTS = ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"];
/** Several instances on one database, and PostgreSQL's own failures. */
const POSTGRES_ONLY = [
  "tests/integration/multi-instance.test.ts",
  "tests/integration/devices-multi-instance.test.ts",
  "tests/security/fail-closed-postgres.test.ts",
  "tests/integration/revocation-feed.test.ts",
  "tests/integration/mail-multi-instance.test.ts",
];
/**
 * SQLite's file lock; CLI tests that make SQLite files of their own (the CLI on PostgreSQL: users-cli-server,
 * db-migrate); boot refusals, which stop before any database is opened (a second run would be the same).
 */
const SQLITE_ONLY = [
  "tests/integration/boot-*.test.ts",
  "tests/security/fail-closed.test.ts",
  "tests/security/audit-queue.test.ts",
  "tests/integration/users-cli.test.ts",
  "tests/integration/users-cli-terminal.test.ts",
  "tests/integration/revocation-feed-sqlite.test.ts",
  // It measures SQLite and PostgreSQL itself.
  "tests/integration/bench-smoke.test.ts",
];
const INTEGRATION_LIMITS = { testTimeout: 30_000, hookTimeout: 60_000 };
const POSTGRES_ENV = { IRON_GATE_TEST_ENGINE: "postgres", IRON_GATE_TEST_RUN: process.env.IRON_GATE_TEST_RUN };

const postgresProjects: TestProjectInlineConfiguration[] = [
  {
    resolve: { alias },
    test: {
      name: "data-postgres",
      include: DATA_LAYER_TESTS,
      environment: "node",
      env: POSTGRES_ENV,
      globalSetup: ["tests/support/postgres-run.ts"],
      setupFiles: ["tests/support/unit-env.ts", "tests/support/unit-env-postgres.ts"],
    },
  },
  {
    resolve: { alias },
    test: {
      name: "integration-postgres",
      include: INTEGRATION_TESTS,
      exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
      environment: "node",
      env: POSTGRES_ENV,
      globalSetup: ["tests/support/postgres-run.ts", "tests/support/integration-server.ts"],
      ...INTEGRATION_LIMITS,
    },
  },
];

/** False when `--project` names only SQLite projects (`npm run test:unit`): no probe, no skip notice. */
function postgresSelected(argv: string[]): boolean {
  const names = argv.flatMap((arg, i) =>
    arg === "--project" ? [argv[i + 1] ?? ""] : arg.startsWith("--project=") ? [arg.slice(10)] : [],
  );
  return names.length === 0 || names.some((name) => name.includes("postgres") || name.includes("*"));
}

/** The PostgreSQL projects when the test database answers; CI (IRON_GATE_REQUIRE_POSTGRES=1) never skips. */
async function withPostgres(): Promise<{ projects: TestProjectInlineConfiguration[]; skipped?: string }> {
  if (!postgresSelected(process.argv)) return { projects: [] };
  // Throws when IRON_GATE_REQUIRE_POSTGRES=1 (CI) and PostgreSQL cannot be reached.
  const { postgresForTests } = await import("./tests/support/postgres.ts");
  const probe = await postgresForTests();
  if (probe.available) return { projects: postgresProjects };
  return {
    projects: [],
    skipped: `PostgreSQL suites SKIPPED (data-postgres, integration-postgres and the PostgreSQL half of the unit tests): ${probe.reason}. Start PostgreSQL or set IRON_GATE_TEST_POSTGRES_URL to run them; CI sets IRON_GATE_REQUIRE_POSTGRES=1 and never skips.`,
  };
}

const postgres = await withPostgres();
const { skipped } = postgres;
// Vitest may evaluate this file more than once per run: say it once before the run.
const shown = globalThis as typeof globalThis & { __ironGateSkipShown?: boolean };
if (skipped && !shown.__ironGateSkipShown) console.warn(`\n${skipped}\n`);
shown.__ironGateSkipShown = true;
// Said again after the summary, where it cannot scroll away.
const skipNotice: Reporter = { onTestRunEnd: () => console.warn(`\n${skipped}\n`) };

export default defineConfig({
  test: {
    // The code under test logs JSON lines; show them only for a failing test.
    silent: "passed-only",
    reporters: skipped ? ["default", skipNotice] : ["default"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          environment: "node",
          // Some unit tests run on both engines themselves (tests/support/engines.ts).
          globalSetup: ["tests/support/postgres-run.ts"],
          setupFiles: ["tests/support/unit-env.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: INTEGRATION_TESTS,
          exclude: [...configDefaults.exclude, ...POSTGRES_ONLY],
          environment: "node",
          globalSetup: ["tests/support/integration-server.ts"],
          ...INTEGRATION_LIMITS,
        },
      },
      ...postgres.projects,
    ],
  },
});
