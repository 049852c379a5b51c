import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import type { StoredEvent } from "@/lib/audit/audit-event";

const LABELS: Record<string, string> = {
  sign_up: "Account created",
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  sign_out: "Signed out",
  session_expired: "Session expired",
  sessions_revoked: "Sessions ended",
  device_signed_out: "Device signed out",
  password_changed: "Password change",
  password_confirmed: "Password confirmed",
  throttled: "Attempts slowed down",
  csrf_rejected: "Cross-site request refused",
  cookie_rejected: "Unreadable session cookie",
  name_changed: "Name changed",
  account_deleted: "Account deletion",
  admin_granted: "Admin: granted admin",
  admin_revoked: "Admin: revoked admin",
  user_disabled: "Admin: disabled a user",
  user_enabled: "Admin: enabled a user",
  user_signed_out: "Admin: signed a user out",
  user_deleted: "Admin: deleted a user",
  second_factor_required: "Password accepted, code asked",
  second_factor_enabled: "Two-step sign-in turned on",
  second_factor_disabled: "Two-step sign-in turned off",
  recovery_codes_regenerated: "New recovery codes",
  passkey_added: "Passkey added",
  passkey_removed: "Passkey removed",
};

const muted = "text-slate-600 dark:text-slate-400";

/**
 * The user's last security events (R45), newest first. A list, not a table: on a phone each event is two
 * short lines (what and how; when and from where), from the `sm` width up one row of four columns.
 */
export function RecentEvents({ events }: { events: StoredEvent[] }): ReactNode {
  if (events.length === 0) return <p className={`text-sm ${muted}`}>No activity recorded yet.</p>;
  return (
    <ol className="text-sm" data-testid="recent-events">
      {events.map((event) => (
        <li
          key={`${event.at}-${event.event}-${event.detail}`}
          className="grid grid-cols-[1fr_auto] gap-x-4 border-t border-slate-100 py-2 first:border-t-0 sm:grid-cols-[12rem_1fr_6rem_8rem] sm:py-1 dark:border-slate-800"
        >
          <span className="font-medium whitespace-nowrap sm:order-2 sm:font-normal">
            {LABELS[event.event] ?? event.event}
          </span>
          <span className="text-right whitespace-nowrap sm:order-3 sm:text-left">{event.outcome}</span>
          <span className={`whitespace-nowrap sm:order-1 ${muted}`}>
            <LocalTime ms={event.at} />
          </span>
          <span className={`truncate text-right sm:order-4 sm:text-left ${muted}`}>{event.ip ?? "unknown"}</span>
        </li>
      ))}
    </ol>
  );
}
