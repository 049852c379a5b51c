export { rawExchange } from "../support/raw-wire";

import { DatabaseSync } from "node:sqlite";
import { expect } from "vitest";

/** Shared bits of the security suite (not a test file: vitest only collects `*.test.ts`). */

/** The SQLite path of a `file:` DATABASE_URL. */
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

/** Every row of `auth_events`, read straight from the server's file (read-only). */
export function readAuthEvents(databaseUrl: string): AuthEventRow[] {
  const db = new DatabaseSync(sqlitePath(databaseUrl), { readOnly: true });
  try {
    const rows = db.prepare("select id, at, user_id, event, outcome, ip, user_agent, detail from auth_events").all();
    return rows.map((row) => ({
      id: String(row.id),
      at: Number(row.at),
      user_id: row.user_id === null ? null : String(row.user_id),
      event: String(row.event),
      outcome: String(row.outcome),
      ip: row.ip === null ? null : String(row.ip),
      user_agent: row.user_agent === null ? null : String(row.user_agent),
      detail: row.detail === null ? null : String(row.detail),
    }));
  } finally {
    db.close();
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
