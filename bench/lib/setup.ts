import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { prepareBaseline } from "./baseline";
import { type BenchServer, build, portIn, ROOT, start } from "./servers";

export interface Options {
  smoke: boolean;
  /** Build the minimal app (`--no-build`: neither). */
  build: boolean;
  /** Build the app too (`--no-app-build`: reuse `.next`, as the smoke test after `npm test`'s build does). */
  buildApp: boolean;
  postgres: boolean;
  /** Rounds and seconds per run (`--rounds=N`, `--seconds=S`): for quick looks while developing. */
  rounds: number | null;
  seconds: number | null;
  /** `--memory-steps=10000,100000`: after how many requests memory is read (default 10k and 100k). */
  memorySteps: number[] | null;
  /** `--throughput-only`: the rounds alone, no storm, sign-in rate, memory or revocation phases. */
  throughputOnly: boolean;
  /** A git ref whose build is loaded in the same rounds (before/after of a change), or null. */
  baseline: string | null;
  /** Write CPU profiles of the SQLite app server into this folder (`--cpu-prof`). */
  cpuProfDir: string | null;
}

export function parseArgs(argv: string[]): Options {
  const prof = argv.find((arg) => arg.startsWith("--cpu-prof"));
  const baseline = argv.find((arg) => arg.startsWith("--baseline="));
  const numberOf = (flag: string): number | null => {
    const arg = argv.find((a) => a.startsWith(`--${flag}=`));
    return arg ? Number(arg.slice(flag.length + 3)) : null;
  };
  return {
    rounds: numberOf("rounds"),
    seconds: numberOf("seconds"),
    throughputOnly: argv.includes("--throughput-only"),
    memorySteps:
      argv
        .find((a) => a.startsWith("--memory-steps="))
        ?.slice("--memory-steps=".length)
        .split(",")
        .map(Number) ?? null,
    baseline: baseline ? baseline.slice("--baseline=".length) : null,
    smoke: argv.includes("--smoke"),
    build: !argv.includes("--no-build"),
    buildApp: !argv.includes("--no-build") && !argv.includes("--no-app-build"),
    postgres: !argv.includes("--no-postgres"),
    cpuProfDir: prof ? (prof.split("=")[1] ?? join(ROOT, "bench/results/profiles")) : null,
  };
}

export interface Servers {
  minimal: BenchServer;
  app: BenchServer;
  /** The baseline build (`--baseline`) on a SQLite file of its own. */
  baseline: BenchServer | null;
  /** Two instances on one PostgreSQL database, when measured. */
  postgres: [BenchServer, BenchServer] | null;
  secret: string;
  stopAll: () => Promise<void>;
}

/** Relaxed throttling: every bench client is 127.0.0.1, and D/E sign in as fast as they can. */
const THROTTLE = { THROTTLE_IP_BURST: "1000000", THROTTLE_IP_PER_MINUTE: "1000000" };

/** Builds (unless told not to) and starts the minimal app, the app on a fresh SQLite file, and two PostgreSQL instances. */
export async function startServers(options: Options, work: string, postgresUrl: string | null): Promise<Servers> {
  if (options.buildApp) await build(".", join(work, "build-app.log"));
  if (options.build) await build("bench/minimal", join(work, "build-minimal.log"));
  const baselineDir = options.baseline
    ? await prepareBaseline(options.baseline, join(work, "build-baseline.log"))
    : null;
  const secret = randomBytes(32).toString("base64url");
  const ports = new Set<number>();
  const [from, to] = options.smoke ? [3650, 3699] : [3600, 3649];
  const appEnv = (port: number, databaseUrl: string): Record<string, string> => ({
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    SESSION_SECRET: secret,
    DATABASE_URL: databaseUrl,
    // Production requires a mail server since the mail work; the bench sends none that matters (discard port).
    SMTP_URL: "smtp://127.0.0.1:9",
    ...THROTTLE,
  });
  const started: BenchServer[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((server) => server.stop()));
  };
  try {
    const minimalPort = await portIn(from, to, ports);
    const minimal = await start({
      name: "minimal",
      dir: "bench/minimal",
      port: minimalPort,
      env: { SESSION_SECRET: secret },
      readyPath: "/api/bare",
      logFile: join(work, "minimal.log"),
    });
    started.push(minimal);
    const appPort = await portIn(from, to, ports);
    mkdirSync(join(work, "sqlite"), { recursive: true });
    const app = await start({
      name: "app",
      dir: ".",
      port: appPort,
      env: appEnv(appPort, `file:${join(work, "sqlite/bench.db")}`),
      readyPath: "/api/health",
      logFile: join(work, "app.log"),
      nodeFlags: options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [],
    });
    started.push(app);
    let baseline: BenchServer | null = null;
    if (baselineDir) {
      const port = await portIn(from, to, ports);
      mkdirSync(join(work, "baseline"), { recursive: true });
      baseline = await start({
        name: "baseline",
        dir: ".",
        cwd: baselineDir,
        port,
        env: appEnv(port, `file:${join(work, "baseline/bench.db")}`),
        readyPath: "/api/health",
        logFile: join(work, "baseline.log"),
      });
      started.push(baseline);
    }
    let postgres: [BenchServer, BenchServer] | null = null;
    if (postgresUrl) {
      const instances: BenchServer[] = [];
      for (const name of ["pg1", "pg2"]) {
        const port = await portIn(from, to, ports);
        const server = await start({
          name,
          dir: ".",
          port,
          env: appEnv(port, postgresUrl),
          readyPath: "/api/health",
          logFile: join(work, `${name}.log`),
        });
        started.push(server);
        instances.push(server);
      }
      const [pg1, pg2] = instances;
      if (pg1 && pg2) postgres = [pg1, pg2];
    }
    return { minimal, app, baseline, postgres, secret, stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
