import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { mutedText, smallButton } from "@/components/styles";
import { type AdminCommand, COMMAND_TEXT } from "@/lib/admin/admin-commands";
import type { AdminPage } from "@/lib/admin/admin-page-state";
import { adminUrl } from "@/lib/admin/admin-url";
import type { AdminUserView } from "@/lib/admin/admin-user-list";
import { ConfirmPanel } from "./confirm-panel";

type Props = { users: AdminUserView[]; state: AdminPage; selfId: string };

/** The commands that make sense for this user now: one of grant/revoke, one of disable/enable, and the rest. */
function commandsFor(user: AdminUserView): AdminCommand[] {
  return [user.isAdmin ? "revoke" : "grant", user.disabled ? "enable" : "disable", "sign-out", "delete"];
}

function Badge({ children, tone }: { children: ReactNode; tone: "admin" | "disabled" }): ReactNode {
  const style =
    tone === "admin"
      ? "bg-brand-50 text-brand-800 dark:bg-brand-950 dark:text-brand-200"
      : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{children}</span>;
}

/**
 * One card per user, a list rather than a table so that it reads on a phone. Each action is a link to its
 * confirmation step (`?user=…&confirm=…`), which works the same without JavaScript.
 */
export function UserList({ users, state, selfId }: Props): ReactNode {
  if (users.length === 0) return <p className={`mt-6 ${mutedText}`}>No users match.</p>;
  return (
    <ul className="mt-6 space-y-4" data-testid="admin-users">
      {users.map((user) => (
        <li
          key={user.id}
          id={`user-${user.id}`}
          data-testid="admin-user"
          className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="min-w-0 font-semibold break-all">{user.email}</h2>
            {user.isAdmin ? <Badge tone="admin">Admin</Badge> : null}
            {user.disabled ? <Badge tone="disabled">Disabled</Badge> : null}
            {user.id === selfId ? <span className={`text-xs ${mutedText}`}>(you)</span> : null}
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
            <dt className={mutedText}>Name</dt>
            <dd className="break-words">{user.name ?? "—"}</dd>
            <dt className={mutedText}>Created</dt>
            <dd>
              <LocalTime ms={user.createdAt} />
            </dd>
            <dt className={mutedText}>Last sign-in</dt>
            <dd>{user.lastSignInAt === null ? "Never" : <LocalTime ms={user.lastSignInAt} />}</dd>
            <dt className={mutedText}>Live sessions</dt>
            <dd data-testid="live-sessions">{user.liveSessions}</dd>
          </dl>
          <div className="mt-3 flex flex-wrap gap-2">
            {commandsFor(user).map((command) => (
              <a
                key={command}
                href={`${adminUrl({ query: state.query, page: state.page, user: user.id, confirm: command })}#user-${user.id}`}
                className={smallButton}
              >
                {COMMAND_TEXT[command].button}
              </a>
            ))}
          </div>
          {state.confirm && state.user === user.id ? (
            <ConfirmPanel command={state.confirm} user={user} state={state} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
