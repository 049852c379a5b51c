import type { ReactNode } from "react";
import { link } from "@/components/styles";
import { type AdminCommand, COMMAND_TEXT, say } from "@/lib/admin/admin-commands";
import type { AdminPage } from "@/lib/admin/admin-page-state";
import { adminUrl } from "@/lib/admin/admin-url";
import type { AdminUserView } from "@/lib/admin/admin-user-list";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { AdminCommandForm } from "./admin-command-form";

const PASSWORD_ERRORS = {
  needed: undefined,
  wrong: "That is not your password.",
  throttled: throttledMessage(60),
} as const;

/** The confirmation step of one admin action: the question, "yes", and a way back. */
export function ConfirmPanel({
  command,
  user,
  state,
}: {
  command: AdminCommand;
  user: AdminUserView;
  state: AdminPage;
}): ReactNode {
  const text = COMMAND_TEXT[command];
  const { query, page } = state;
  return (
    <section
      aria-labelledby="confirm-title"
      data-testid="admin-confirm"
      className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id="confirm-title" className="mb-3 font-semibold break-words">
        {say(text.question, user.email)}
      </h3>
      <AdminCommandForm
        command={command}
        userId={user.id}
        query={query}
        page={page}
        doneUrl={adminUrl({ query, page, user: user.id, done: command })}
        askPassword={state.password !== undefined}
        passwordError={state.password ? PASSWORD_ERRORS[state.password] : undefined}
      >
        Yes, {text.button.toLowerCase()}
      </AdminCommandForm>
      <a href={`${adminUrl({ query, page })}#user-${user.id}`} className={`mt-3 inline-block text-sm ${link}`}>
        Cancel
      </a>
    </section>
  );
}
