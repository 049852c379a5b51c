import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN_URL, newTestDatabaseName, testDatabaseUrl } from "./tests/support/postgres";

// Decided once in the main process; workers inherit these, so fixtures share the server's database and secret.
process.env.E2E_DIR ??= resolve(".tmp", `e2e-${Date.now()}`);
process.env.E2E_SESSION_SECRET ??= randomBytes(32).toString("base64url");
const port = Number(process.env.E2E_PORT ?? 3210);
// A second server with limits of seconds, for the watcher in real time (no Playwright clock).
const realtimePort = Number(process.env.E2E_REALTIME_PORT ?? port + 1);
const REALTIME_LIMITS = { SESSION_IDLE_TIMEOUT: "8s", SESSION_WARNING: "3s", SESSION_MAX_AGE: "60s" };
const REALTIME_SPEC = /session-watcher-realtime\.spec\.ts$/;
// A third server whose step-up window is short enough to wait out (tests/e2e/step-up*.spec.ts), with the admin
// second-factor rule on (tests/e2e/admin-second-factor.spec.ts).
const stepUpPort = Number(process.env.E2E_STEP_UP_PORT ?? port + 2);
const STEP_UP_SPEC = /(step-up.*|admin-second-factor)\.spec\.ts$/;
// A fourth server on PostgreSQL runs the flows tagged @both-engines again (tests/support/e2e-postgres-server.ts).
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? port + 3);
process.env.E2E_POSTGRES_DB ??= newTestDatabaseName(process.pid);
const BOTH_ENGINES = /@both-engines/;

/** Whether the test PostgreSQL answers; CI (IRON_GATE_REQUIRE_POSTGRES=1) never runs without it. */
function postgresReachable(): boolean {
  const { hostname, port: pgPort } = new URL(ADMIN_URL);
  try {
    execFileSync("pg_isready", ["-q", "-h", hostname, "-p", pgPort || "5432"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.IRON_GATE_REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL at ${hostname} is not reachable`);
    if (!process.env.E2E_POSTGRES_NOTICE)
      console.warn("Playwright: PostgreSQL unreachable, the postgres project is SKIPPED");
    process.env.E2E_POSTGRES_NOTICE = "1";
    return false;
  }
}
const withPostgres = postgresReachable();
// The SMTP harness every server sends to; specs read the messages from E2E_DIR/mail (tests/support/smtp.ts).
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 4);

/** `next start` on `listenOn` with the fixtures' secret; `database` is its SQLite file in E2E_DIR. */
function server(listenOn: number, limits: Record<string, string> = {}, database = "app.db", command = "") {
  return {
    command: command || `"${process.execPath}" node_modules/next/dist/bin/next start -p ${listenOn}`,
    url: `http://localhost:${listenOn}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      APP_ORIGIN: `http://localhost:${listenOn}`,
      NEXT_TELEMETRY_DISABLED: "1",
      THROTTLE_IP_BURST: "100000",
      THROTTLE_IP_PER_MINUTE: "100000",
      SESSION_SECRET: process.env.E2E_SESSION_SECRET ?? "",
      // The default and realtime servers share the database the fixtures write to.
      DATABASE_URL: `file:${join(process.env.E2E_DIR ?? "", database)}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Iron Gate <gate@example.com>",
      MAIL_RETRY_BASE_DELAY: "1s",
      MAIL_POLL_INTERVAL: "1s",
      // Production turns the admin area's second-factor rule on (issue 13 §3); the admin specs sign in with a
      // password alone. The rule itself is tested over HTTP (tests/security/admin-second-factor.test.ts).
      ADMIN_REQUIRE_SECOND_FACTOR: "false",
      ...limits,
    },
  };
}

// `databaseUrl` is the fixtures' option (tests/e2e/fixtures.ts): the database of the project's server.
export default defineConfig<{ databaseUrl: string }>({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: browser downloads are impossible on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "default", testIgnore: [REALTIME_SPEC, STEP_UP_SPEC], use: { baseURL: `http://localhost:${port}` } },
    { name: "realtime", testMatch: REALTIME_SPEC, use: { baseURL: `http://localhost:${realtimePort}` } },
    {
      name: "step-up",
      testMatch: STEP_UP_SPEC,
      use: {
        baseURL: `http://localhost:${stepUpPort}`,
        databaseUrl: `file:${join(process.env.E2E_DIR ?? "", "step-up.db")}`,
      },
    },
    ...(withPostgres
      ? [
          {
            name: "postgres",
            grep: BOTH_ENGINES,
            testIgnore: [REALTIME_SPEC, STEP_UP_SPEC],
            use: {
              baseURL: `http://localhost:${postgresPort}`,
              databaseUrl: testDatabaseUrl(process.env.E2E_POSTGRES_DB),
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `"${process.execPath}" node_modules/tsx/dist/cli.mjs tests/support/smtp-serve.ts`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { SMTP_PORT: String(smtpPort), SMTP_SPOOL: join(process.env.E2E_DIR ?? "", "mail") },
    },
    server(port),
    server(realtimePort, REALTIME_LIMITS),
    // Its own database, so the admin second-factor rule is on here (admin-second-factor.spec.ts, issue 13 §3).
    server(stepUpPort, { SESSION_STEP_UP_WINDOW: "3s", ADMIN_REQUIRE_SECOND_FACTOR: "true" }, "step-up.db"),
    ...(withPostgres
      ? [
          server(
            postgresPort,
            {},
            "unused.db",
            `"${process.execPath}" --import tsx tests/support/e2e-postgres-server.ts ${postgresPort}`,
          ),
        ]
      : []),
  ],
});
