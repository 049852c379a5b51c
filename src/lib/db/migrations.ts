import { type Kysely, sql } from "kysely";
import type { Migration, MigrationProvider } from "kysely/migration";
import { revocationFeedMigration } from "./migration-0012-revocation-feed";

/**
 * Every schema change, in order. One set for SQLite and PostgreSQL: only types both understand
 * (text, integer, bigint, boolean) and no dialect-specific defaults. Never edit a shipped migration;
 * add the next one.
 */
const migrations: Record<string, Migration> = {
  "0001_users": {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text")
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("is_admin", "boolean", (c) => c.notNull().defaultTo(sql`false`))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  "0002_ended_sessions": {
    async up(db: Kysely<unknown>): Promise<void> {
      // Sessions ended by sign-out, kept until their seal could no longer be used anyway (R15).
      await db.schema
        .createTable("ended_sessions")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("ended_sessions_expires_at").on("ended_sessions").column("expires_at").execute();
    },
  },
  "0003_throttles_and_audit": {
    async up(db: Kysely<unknown>): Promise<void> {
      // Rate-limit state in the database, so that it holds across instances (decision 7).
      await db.schema
        .createTable("throttles")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("milli_tokens", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("blocked_until", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      // The authentication audit log (R45): who, what, when (UTC ms), from where, and how it went.
      await db.schema
        .createTable("auth_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("user_id", "text")
        .addColumn("event", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("ip", "text")
        .addColumn("user_agent", "text")
        .addColumn("detail", "text")
        .execute();
      await db.schema.createIndex("auth_events_user_at").on("auth_events").columns(["user_id", "at"]).execute();
      await db.schema.createIndex("auth_events_at").on("auth_events").column("at").execute();
    },
  },
  "0004_kept_sessions": {
    async up(db: Kysely<unknown>): Promise<void> {
      // The session kept through the last "sign out everywhere else" or password change, and the version
      // it was kept at: a re-seal of it that was in flight with the previous version still opens (see
      // resolve-session.ts).
      await db.schema.alterTable("users").addColumn("kept_sid", "text").execute();
      await db.schema.alterTable("users").addColumn("kept_version", "integer").execute();
    },
  },
  "0005_devices_and_admin": {
    async up(db: Kysely<unknown>): Promise<void> {
      // One row per sign-in, for the device list (issue 11): the seal stays the authority, this row only
      // describes it. Ended or expired rows are purged with the ended-session records.
      await db.schema
        .createTable("user_sessions")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("last_active_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("ip_address", "text")
        .addColumn("device", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("user_sessions_user_created")
        .on("user_sessions")
        .columns(["user_id", "created_at"])
        .execute();
      await db.schema.createIndex("user_sessions_expires_at").on("user_sessions").column("expires_at").execute();
      await db.schema.alterTable("users").addColumn("disabled_at", "bigint").execute();
      await db.schema.alterTable("users").addColumn("last_sign_in_at", "bigint").execute();
    },
  },
  "0006_mail": {
    async up(db: Kysely<unknown>): Promise<void> {
      // Messages written in the same transaction as the change that caused them, delivered in the background.
      await db.schema
        .createTable("mail_outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("recipient", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("html_body", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
        .addColumn("claimed_until", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("sent_at", "bigint")
        .addColumn("last_error", "text")
        .execute();
      await db.schema
        .createIndex("mail_outbox_due")
        .on("mail_outbox")
        .columns(["sent_at", "next_attempt_at"])
        .execute();
      // Single-use links (verification, password reset, email change): only the SHA-256 of the token is kept.
      await db.schema
        .createTable("email_tokens")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("new_email", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("used_at", "bigint")
        .execute();
      await db.schema
        .createIndex("email_tokens_user_purpose")
        .on("email_tokens")
        .columns(["user_id", "purpose"])
        .execute();
      await db.schema.alterTable("users").addColumn("email_verified_at", "bigint").execute();
    },
  },
  "0007_device_versions": {
    async up(db: Kysely<unknown>): Promise<void> {
      // The `sessionVersion` a device's seal was made with (or kept at): a bump ("sign out everywhere
      // (else)", a password change, an admin's disable) ends every row of an older version without touching
      // them (README, "Devices").
      await db.schema
        .alterTable("user_sessions")
        .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  "0010_mail_failed": {
    async up(db: Kysely<unknown>): Promise<void> {
      // Set when the sender gives a message up (a permanent refusal, or too many attempts); its body is scrubbed.
      await db.schema.alterTable("mail_outbox").addColumn("failed_at", "bigint").execute();
    },
  },
  "0012_revocation_feed": revocationFeedMigration,
  "0013_second_factor": {
    async up(db: Kysely<unknown>): Promise<void> {
      // One authenticator-app secret per user, sealed with the session secret (README, "Second factor").
      // `enabled_at` is null until a first code proved the enrolment; `last_used_step` refuses a replay.
      await db.schema
        .createTable("totp_credentials")
        .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("secret_sealed", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("enabled_at", "bigint")
        .addColumn("last_used_step", "bigint")
        .execute();
      // Single-use recovery codes: only their SHA-256 is kept.
      await db.schema
        .createTable("recovery_codes")
        .addColumn("code_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("used_at", "bigint")
        .execute();
      await db.schema.createIndex("recovery_codes_user").on("recovery_codes").column("user_id").execute();
      // Passkeys (WebAuthn): the credential id and its COSE public key, both base64url; `counter` is checked.
      await db.schema
        .createTable("passkeys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("public_key", "text", (c) => c.notNull())
        .addColumn("counter", "bigint", (c) => c.notNull())
        .addColumn("transports", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("last_used_at", "bigint")
        .execute();
      await db.schema.createIndex("passkeys_user").on("passkeys").column("user_id").execute();
      // Single-use WebAuthn challenges, bound to a session id (registration) or a browser nonce (sign-in).
      await db.schema
        .createTable("webauthn_challenges")
        .addColumn("challenge", "text", (c) => c.primaryKey())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("binding", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      // How each device's session was signed in (`amr`, space-separated), for the device list.
      await db.schema.alterTable("user_sessions").addColumn("amr", "text").execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
