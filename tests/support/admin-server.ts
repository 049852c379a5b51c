import { afterAll, beforeAll } from "vitest";
import { AdminFixture } from "./admin-users";
import { type AppServer, startAppServer } from "./app-server";
import type { Client } from "./http-client";

/**
 * For the calling test file or `describe`: a server of its own (`startAppServer(name, env)`) and an
 * `AdminFixture` on it, both closed afterwards. Returns the fixture's getter (set once `beforeAll` ran).
 */
export function adminServer(name: string, env: Record<string, string> = {}): () => AdminFixture {
  let server: AppServer | undefined;
  let fixture: AdminFixture | undefined;
  beforeAll(async () => {
    server = await startAppServer(name, env);
    fixture = new AdminFixture(server.baseUrl, server.databaseUrl);
  });
  afterAll(async () => {
    await fixture?.close();
    await server?.stop();
  });
  return () => {
    if (!fixture) throw new Error(`the ${name} server is not started yet (use it inside a test or hook)`);
    return fixture;
  };
}

/** Every admin endpoint, as a request a client can send, for the user `id`. */
export const adminEndpoints = (id: string): { name: string; send: (client: Client) => Promise<Response> }[] => [
  { name: "GET /api/admin/users", send: (c) => c.request("/api/admin/users") },
  { name: "PATCH isAdmin", send: (c) => c.json("PATCH", `/api/admin/users/${id}`, { isAdmin: true }) },
  { name: "PATCH disabled", send: (c) => c.json("PATCH", `/api/admin/users/${id}`, { disabled: true }) },
  { name: "POST sign-out", send: (c) => c.json("POST", `/api/admin/users/${id}/sign-out`) },
  { name: "DELETE", send: (c) => c.json("DELETE", `/api/admin/users/${id}`) },
];
