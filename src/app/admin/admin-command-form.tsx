"use client";

import type { ReactNode } from "react";
import { useStepUpRequest } from "@/app/account/use-step-up-request";
import { adminCommandAction } from "@/app/actions/admin-command-action";
import { dangerButton, primaryButton } from "@/components/styles";
import { TextField } from "@/components/text-field";
import { type AdminCommand, commandRequest } from "@/lib/admin/admin-commands";

type Props = {
  command: AdminCommand;
  userId: string;
  /** The list's search and page, to come back to. */
  query: string;
  page: number;
  /** The page's own address once done (`/admin?done=…`). */
  doneUrl: string;
  /** Without JavaScript, past the step-up window: the password is asked for here (R61). */
  askPassword: boolean;
  passwordError?: string | undefined;
  children: ReactNode;
};

const DANGEROUS: ReadonlySet<AdminCommand> = new Set(["disable", "delete", "revoke", "sign-out"]);

/**
 * The "yes, do it" of the confirmation step. Without JavaScript a server action; with it the JSON API,
 * where a 403 `reauthentication_required` opens the password dialog and the request is sent again.
 */
export function AdminCommandForm(props: Props): ReactNode {
  const { command, userId, query, page, doneUrl, askPassword, passwordError, children } = props;
  const send = (): Promise<Response> => {
    const request = commandRequest(command, userId);
    const body = request.body ? JSON.stringify(request.body) : null;
    const headers: HeadersInit = body ? { "content-type": "application/json" } : {};
    return fetch(request.path, { method: request.method, headers, body });
  };

  const { busy, error, submit } = useStepUpRequest(send, { doneUrl, signedOutUrl: "/admin" });

  return (
    <form action={adminCommandAction} onSubmit={submit} className="space-y-3" noValidate>
      <input type="hidden" name="command" value={command} />
      <input type="hidden" name="user" value={userId} />
      <input type="hidden" name="query" value={query} />
      <input type="hidden" name="page" value={page} />
      {askPassword ? (
        <TextField
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          error={passwordError}
          hint="Confirm your password to go on."
        />
      ) : null}
      <button
        type="submit"
        disabled={busy}
        aria-busy={busy}
        className={DANGEROUS.has(command) ? dangerButton : primaryButton}
      >
        {children}
      </button>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
