import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createTestDatabase } from "./postgres";
import { defaultSmtpServer } from "./smtp";
import { type TestEngine, testEngine } from "./test-engine";

export interface AppServer {
  baseUrl: string;
  databaseUrl: string;
  env: Record<string, string>;
  logFile: string;
  /** The server process: for tests of how it stops, and of its memory use (read from /proc). */
  pid: number;
  stop: () => Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject()));
    });
  });
}

export interface StartOptions {
  /** Reuse the database the previous server of this name (in this test process) used. */
  keepData?: boolean;
  /** The name clients address the server by (it listens on 127.0.0.1 either way); also its `APP_ORIGIN`. */
  host?: "localhost" | "127.0.0.1";
  /** Default: the engine of the test project (IRON_GATE_TEST_ENGINE). */
  engine?: TestEngine;
}

// The PostgreSQL database each server name last used; the run's global teardown drops them all.
const postgresByName = new Map<string, string>();

async function postgresDatabase(name: string, keepData: boolean): Promise<string> {
  const kept = keepData ? postgresByName.get(name) : undefined;
  const url = kept ?? (await createTestDatabase()).url;
  postgresByName.set(name, url);
  return url;
}

/**
 * Starts the built app (`next start`, production mode) on a free port with a brand-new database (or, with
 * `keepData`, the one the previous server of that name left), and waits for `/api/health`: a SQLite file,
 * or on the PostgreSQL projects a fresh PostgreSQL database; a DATABASE_URL in `extraEnv` wins (several
 * instances on one database). Its `APP_ORIGIN` (required in production) is the address the tests use, unless
 * `extraEnv` says otherwise. Run `npm run build` first; `npm test` does.
 */
export async function startAppServer(
  name: string,
  extraEnv: Record<string, string> = {},
  { keepData = false, host = "localhost", engine = testEngine() }: StartOptions = {},
): Promise<AppServer> {
  const root = resolve(import.meta.dirname, "../..");
  // One folder per test process and name: concurrent runs never share a database.
  const dir = join(root, ".tmp", `${name}-${process.pid}`);
  if (!keepData) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://${host}:${port}`;
  const databaseUrl =
    extraEnv.DATABASE_URL ??
    (engine === "postgres" ? await postgresDatabase(name, keepData) : `file:${join(dir, "app.db")}`);
  const env: Record<string, string> = {
    NODE_ENV: "production",
    APP_ORIGIN: baseUrl,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // Every test client shares 127.0.0.1: the per-address bucket is tested on a server of its own.
    THROTTLE_IP_BURST: "100000",
    THROTTLE_IP_PER_MINUTE: "100000",
    THROTTLE_MAIL_IP_PER_HOUR: "100000",
    // Production refuses to start without SMTP; mail lands in this process's harness (smtp.ts).
    SMTP_URL: extraEnv.SMTP_URL ?? (await defaultSmtpServer()).url,
    MAIL_FROM: "Iron Gate <gate@example.com>",
    // Production turns the admin area's second-factor rule on (issue 13 §3); most admin tests sign in with a
    // password alone. tests/security/admin-second-factor.test.ts passes "true" to check the rule itself.
    ADMIN_REQUIRE_SECOND_FACTOR: "false",
    ...extraEnv,
  };
  const logFile = join(dir, "server.log");
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy; see ${logFile}`);
    await sleep(200);
  }
  return {
    baseUrl,
    databaseUrl,
    env,
    logFile,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
