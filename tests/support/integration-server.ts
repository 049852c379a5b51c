import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server";
import { findSecretsInLogs, passwordsUsedInTests, serverLogsSince } from "./log-scan";
import { defaultSmtpServer } from "./smtp";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    logFile: string;
    /** The spool directory of the SMTP harness the shared server sends to (smtp.ts `waitForMail`). */
    mailDir: string;
  }
}

/**
 * One built app for the whole integration project, on its own fresh database (a SQLite file, or on the
 * PostgreSQL project a PostgreSQL database). When the run is over, the logs of every server it started are
 * searched for the passwords and seals the tests used: finding one fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const engine = project.config.env?.IRON_GATE_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
  const server = await startAppServer(`integration-${engine}`, {}, { engine });
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseUrl", server.databaseUrl);
  project.provide("logFile", server.logFile);
  project.provide("mailDir", (await defaultSmtpServer()).spoolDir);
  return async () => {
    await server.stop();
    const logs = serverLogsSince(startedAt);
    const passwords = passwordsUsedInTests();
    const leaks = findSecretsInLogs(logs, passwords);
    if (logs.length === 0 || passwords.length < 3) throw new Error("the log scan found nothing to scan");
    if (leaks.length > 0) throw new Error(`secrets leaked into the server logs:\n${leaks.join("\n")}`);
    console.log(`log scan: ${logs.length} server logs, ${passwords.length} passwords and every seal: none found`);
  };
}
