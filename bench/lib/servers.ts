import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = join(import.meta.dirname, "../..");
const PROBE = join(ROOT, "bench/support/gc-probe.cjs");

export interface Memory {
  rss: number;
  heapUsed: number;
}

export interface BenchServer {
  name: string;
  baseUrl: string;
  pid: number;
  /** RSS and live heap after a forced full GC, read through the preloaded probe (bench/support/gc-probe.cjs). */
  memory: () => Promise<Memory>;
  stop: () => Promise<void>;
}

/** The first port of `from..to` nothing listens on (the brief gives the bench 3600-3699). */
export async function portIn(from: number, to: number, taken: Set<number>): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((done) => {
      const probe = createServer();
      probe.once("error", () => done(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** Runs `next build` for the app (dir ".") or the minimal app, with its output in `logFile`. */
export async function build(dir: string, logFile: string, cwd = ROOT): Promise<void> {
  const child = spawn(process.execPath, [join(cwd, "node_modules/next/dist/bin/next"), "build", dir], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`next build ${dir} failed (${code}); see ${logFile}`);
}

function memoryReader(child: ChildProcess): () => Promise<Memory> {
  return () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no memory answer")), 10_000);
      child.once("message", (message: Memory) => {
        clearTimeout(timer);
        resolve({ rss: message.rss, heapUsed: message.heapUsed });
      });
      child.send("memory");
    });
}

export interface StartSpec {
  name: string;
  /** "." for the app, "bench/minimal" for the floors. */
  dir: string;
  /** The checkout it runs in (a baseline's export); default the repository. */
  cwd?: string;
  port: number;
  env: Record<string, string>;
  /** A path that answers 200 once the server is ready. */
  readyPath: string;
  logFile: string;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** `next start` in production mode with the GC probe preloaded; resolves once `readyPath` answers 200. */
export async function start(spec: StartSpec): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${spec.port}`;
  const flags = ["--expose-gc", `--require=${PROBE}`, ...(spec.nodeFlags ?? [])];
  const cwd = spec.cwd ?? ROOT;
  const next = join(cwd, "node_modules/next/dist/bin/next");
  const child = spawn(
    process.execPath,
    [...flags, next, "start", spec.dir, "-p", String(spec.port), "-H", "127.0.0.1"],
    {
      cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        ...spec.env,
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  const log = createWriteStream(spec.logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited with ${child.exitCode}; see ${spec.logFile}`);
    const ok = await fetch(`${baseUrl}${spec.readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${spec.name} did not start; see ${spec.logFile}`);
    await sleep(250);
  }
  return {
    name: spec.name,
    baseUrl,
    pid: child.pid ?? 0,
    memory: memoryReader(child),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
