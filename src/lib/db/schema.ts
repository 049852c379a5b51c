import type { ColumnType, Generated } from "kysely";

/** SQLite hands booleans back as 0/1 and bigints as numbers; PostgreSQL as booleans and strings. */
type DbBoolean = ColumnType<boolean | number, boolean, boolean>;
type DbMillis = ColumnType<number | string | bigint, number, number>;

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  isAdmin: DbBoolean;
  createdAt: DbMillis;
  sessionVersion: Generated<number>;
}

export interface EndedSessionsTable {
  sid: string;
  userId: string;
  expiresAt: DbMillis;
}

export interface Database {
  users: UsersTable;
  endedSessions: EndedSessionsTable;
}
