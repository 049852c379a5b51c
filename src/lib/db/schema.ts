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
  /** Set while an admin has disabled the account (issue 11). */
  disabledAt: DbMillis | null;
  lastSignInAt: DbMillis | null;
  /** When the owner followed a verification link (issue 12). */
  emailVerifiedAt: DbMillis | null;
}

/** One row per sign-in, for the device list; the seal stays the authority (issue 11). */
export interface UserSessionsTable {
  sid: string;
  userId: string;
  createdAt: DbMillis;
  lastActiveAt: DbMillis;
  /** The absolute limit of the session: past it the row is purged. */
  expiresAt: DbMillis;
  ipAddress: string | null;
  device: string;
  /** How the session was signed in (`amr`, space-separated); null for rows from before issue 13. */
  amr: string | null;
  /** The user's `sessionVersion` the seal carries: only rows at the current one are live (migration 0007). */
  sessionVersion: Generated<number>;
}

/** Mail written in the same transaction as its cause and delivered in the background (issue 12). */
export interface MailOutboxTable {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  reason: string;
  createdAt: DbMillis;
  attempts: Generated<number>;
  nextAttemptAt: DbMillis;
  claimedUntil: Generated<DbMillis>;
  sentAt: DbMillis | null;
  lastError: string | null;
  /** Given up (migration 0010): a permanent refusal or too many attempts. */
  failedAt: DbMillis | null;
}

/** Single-use emailed links; only the SHA-256 of the token is stored (issue 12). */
export interface EmailTokensTable {
  tokenHash: string;
  userId: string;
  purpose: string;
  newEmail: string | null;
  createdAt: DbMillis;
  expiresAt: DbMillis;
  usedAt: DbMillis | null;
}

/** An authenticator-app (TOTP) secret, sealed; enabled once a first code matched (issue 13). */
export interface TotpCredentialsTable {
  userId: string;
  secretSealed: string;
  createdAt: DbMillis;
  enabledAt: DbMillis | null;
  /** The last 30-second step a code was accepted for: a code is accepted once. */
  lastUsedStep: number | null;
}

/** Single-use recovery codes, stored as SHA-256 (issue 13). */
export interface RecoveryCodesTable {
  codeHash: string;
  userId: string;
  createdAt: DbMillis;
  usedAt: DbMillis | null;
}

/** A passkey (WebAuthn credential) of a user (issue 13 §2). */
export interface PasskeysTable {
  id: string;
  userId: string;
  publicKey: string;
  counter: number;
  transports: string;
  name: string;
  createdAt: DbMillis;
  lastUsedAt: DbMillis | null;
}

/** A WebAuthn challenge waiting for its answer; deleted when used (issue 13 §2). */
export interface WebauthnChallengesTable {
  challenge: string;
  purpose: string;
  binding: string;
  expiresAt: DbMillis;
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
  userSessions: UserSessionsTable;
  mailOutbox: MailOutboxTable;
  emailTokens: EmailTokensTable;
  totpCredentials: TotpCredentialsTable;
  recoveryCodes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  webauthnChallenges: WebauthnChallengesTable;
}
