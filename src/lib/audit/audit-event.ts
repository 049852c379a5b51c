import type { Selectable } from "kysely";
import type { AuthEventsTable } from "@/lib/db/schema";

export type AuthEventName =
  | "sign_up"
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "session_expired"
  | "sessions_revoked"
  | "device_signed_out"
  | "password_changed"
  | "password_confirmed"
  | "password_reset_requested"
  | "password_reset"
  | "throttled"
  | "csrf_rejected"
  | "cookie_rejected"
  | "name_changed"
  | "account_deleted"
  | "email_verified"
  | "email_change_requested"
  | "email_changed"
  // Admin actions (issue 11): `userId` is the acting admin, `detail` names the target user's id.
  | "admin_granted"
  | "admin_revoked"
  | "user_disabled"
  | "user_enabled"
  | "user_signed_out"
  | "user_deleted"
  | "second_factor_required"
  | "second_factor_enabled"
  | "second_factor_disabled"
  | "recovery_codes_regenerated"
  | "passkey_added"
  | "passkey_removed";

export type Outcome = "success" | "failure" | "blocked";

/** An event to record. */
export interface AuthEvent {
  event: AuthEventName;
  outcome: Outcome;
  userId?: string | null;
  /** Never a password, a cookie or, for unknown accounts, a full email. */
  detail?: string | null;
  /** A stable id makes the event idempotent (one `session_expired` per session). */
  id?: string;
}

/** An event as the account page shows it: a row of `auth_events` without its ids. */
export type StoredEvent = Pick<Selectable<AuthEventsTable>, "at" | "event" | "outcome" | "ip" | "userAgent" | "detail">;
