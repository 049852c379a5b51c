export { rawExchange } from "../support/raw-wire";

import { expect } from "vitest";
import { connectDatabase } from "@/lib/db/database";

/** Shared bits of the security suite (not a test file: vitest only collects `*.test.ts`). */

/** The SQLite path of a `file:` DATABASE_URL (for the SQLite-only tests that hold the file's own lock). */
export function sqlitePath(databaseUrl: string): string {
  expect(databaseUrl.startsWith("file:"), databaseUrl).toBe(true);
  return databaseUrl.slice("file:".length);
}

export interface AuthEventRow {
  id: string;
  at: number;
  user_id: string | null;
  event: string;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
}

/**
 * Every row of `auth_events`, read through the app's own data layer, so the same test reads SQLite or
 * PostgreSQL (whichever `databaseUrl` names). It only connects: migrating would wait for SQLite's write lock,
 * which some tests hold while they read.
 */
export async function readAuthEvents(databaseUrl: string): Promise<AuthEventRow[]> {
  const db = connectDatabase(databaseUrl);
  try {
    const rows = await db.selectFrom("authEvents").selectAll().execute();
    return rows.map((row) => ({
      id: row.id,
      at: Number(row.at),
      user_id: row.userId,
      event: row.event,
      outcome: row.outcome,
      ip: row.ip,
      user_agent: row.userAgent,
      detail: row.detail,
    }));
  } finally {
    await db.destroy();
  }
}

/** A response is never a server error, whatever was sent. */
export function expectNo5xx(response: Response, label = ""): void {
  expect(response.status, `${label} answered ${response.status}`).toBeLessThan(500);
}

/** The error code of a JSON error body, or null when the body is something else. */
export async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === "string" ? body.error.code : null;
  } catch {
    return null;
  }
}

/** Headers that put a request on its own client address (servers started with TRUST_PROXY=1). */
export function fromIp(ip: string, headers: Record<string, string> = {}): Record<string, string> {
  return { "x-forwarded-for": ip, ...headers };
}

/** The status codes of every HTTP/1.1 response in a raw exchange, in order. */
export function statusCodes(raw: string): number[] {
  return [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
}
