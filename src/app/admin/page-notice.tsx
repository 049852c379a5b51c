import type { ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { COMMAND_TEXT, say } from "@/lib/admin/admin-commands";
import type { AdminPage } from "@/lib/admin/admin-page-state";
import type { AdminUserView } from "@/lib/admin/admin-user-list";

const ERRORS = {
  last_admin: "{who} is the last active admin: the app always keeps one. Make someone else an admin first.",
  not_found: "That user no longer exists.",
} as const;

/** What the last action did, or why it was refused (the last-admin rule), above the list. */
export function PageNotice({ state, users }: { state: AdminPage; users: AdminUserView[] }): ReactNode {
  const who = users.find((user) => user.id === state.user)?.email ?? "The user";
  if (state.error) {
    return (
      <div className="mt-4" data-testid="admin-error">
        <FormMessage text={say(ERRORS[state.error], who)} tone="error" />
      </div>
    );
  }
  if (!state.done) return null;
  return (
    <div className="mt-4" data-testid="admin-notice">
      <FormMessage text={say(COMMAND_TEXT[state.done].done, who)} tone="success" />
    </div>
  );
}
