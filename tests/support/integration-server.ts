import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    logFile: string;
  }
}

/** One built app for the whole integration project, on its own fresh SQLite file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startAppServer("integration");
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseUrl", server.databaseUrl);
  project.provide("logFile", server.logFile);
  return server.stop;
}
