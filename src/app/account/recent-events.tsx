import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import type { StoredEvent } from "@/lib/audit/audit-log";

const LABELS: Record<string, string> = {
  sign_up: "Account created",
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  sign_out: "Signed out",
  session_expired: "Session expired",
  sessions_revoked: "Sessions ended",
  password_changed: "Password change",
  password_confirmed: "Password confirmed",
  throttled: "Attempts slowed down",
  csrf_rejected: "Cross-site request refused",
  cookie_rejected: "Unreadable session cookie",
};

/** The user's last security events (R45), newest first. */
export function RecentEvents({ events }: { events: StoredEvent[] }): ReactNode {
  if (events.length === 0) return <p className="text-sm text-slate-600">No activity recorded yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="recent-events">
      <thead className="text-slate-600">
        <tr>
          <th className="py-1 pr-4 font-medium">When</th>
          <th className="py-1 pr-4 font-medium">What</th>
          <th className="py-1 pr-4 font-medium">Outcome</th>
          <th className="py-1 font-medium">From</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={`${event.at}-${event.event}-${event.detail}`} className="border-t border-slate-100">
            <td className="py-1 pr-4">
              <LocalTime ms={event.at} />
            </td>
            <td className="py-1 pr-4">{LABELS[event.event] ?? event.event}</td>
            <td className="py-1 pr-4">{event.outcome}</td>
            <td className="py-1 text-slate-600">{event.ip ?? "unknown"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
