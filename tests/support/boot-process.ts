import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./app-server";
import { captureOutput } from "./captured-output";

export const ROOT = resolve(import.meta.dirname, "../..");

/** How a `next start` that was expected to refuse ended: its exit code and what it printed. */
export type BootOutcome =
  | { kind: "exited"; code: number | null; stdout: string; stderr: string }
  | { kind: "served"; stdout: string; stderr: string };

export interface BootOptions {
  /** Settings over a valid production set; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** The Node binary (default: this Node 24). */
  node?: string;
  /** Where `next start` runs (default: the project root). */
  cwd?: string;
}

/** A fresh database folder for one boot test. */
export function bootDir(name: string): string {
  const dir = join(ROOT, ".tmp", `boot-${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Starts the built app with `next start` and waits until it either exits (a refusal) or answers
 * `/api/health` (it served, and is stopped at once). Only a refusal is an `exited` outcome.
 */
export async function bootServer(name: string, options: BootOptions = {}): Promise<BootOutcome> {
  const port = await freePort();
  const dir = bootDir(name);
  const merged: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: `file:${join(dir, "app.db")}`,
    // Required in production; nothing is sent before these servers are stopped.
    SMTP_URL: "smtp://127.0.0.1:2525",
    ...options.env,
  };
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    ...Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => !!entry[1])),
  };
  const cwd = options.cwd ?? ROOT;
  const child = spawn(
    options.node ?? process.execPath,
    [join(cwd, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = captureOutput(child);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const deadline = Date.now() + 60_000;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    if (await answersHealth(port)) {
      child.kill("SIGTERM");
      await exited;
      return { kind: "served", ...output };
    }
    await sleep(200);
  }
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  const code = await exited;
  return { kind: "exited", code, ...output };
}

async function answersHealth(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status < 600;
  } catch {
    return false;
  }
}

/** The lines a refusal printed that are not Next.js's own start-up banner. */
export function refusalLines(outcome: BootOutcome): string[] {
  return `${outcome.stdout}\n${outcome.stderr}`
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^(▲ Next\.js|- Local:|- Network:|✓ Ready in|✓ Running next\.config)/.test(line));
}
