import type { ColumnType, Generated } from "kysely";

/** SQLite hands booleans back as 0/1, PostgreSQL as booleans. `bigint` columns come back as numbers from both (postgres-pool.ts). */
type DbBoolean = ColumnType<boolean | number, boolean, boolean>;
type DbMillis = number;

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  isAdmin: DbBoolean;
  createdAt: DbMillis;
  sessionVersion: Generated<number>;
  /** The session kept through the last bump of `sessionVersion` (session-store.ts `recordKeptSession`). */
  keptSid: string | null;
  keptVersion: number | null;
}

export interface EndedSessionsTable {
  sid: string;
  userId: string;
  expiresAt: DbMillis;
}

export interface ThrottlesTable {
  key: string;
  milliTokens: number;
  failures: number;
  blockedUntil: DbMillis;
  updatedAt: DbMillis;
}

export interface AuthEventsTable {
  id: string;
  at: DbMillis;
  userId: string | null;
  event: string;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  detail: string | null;
}

export interface Database {
  users: UsersTable;
  endedSessions: EndedSessionsTable;
  throttles: ThrottlesTable;
  authEvents: AuthEventsTable;
}
