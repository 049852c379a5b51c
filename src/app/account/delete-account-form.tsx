"use client";

import { type FormEvent, type ReactNode, useActionState, useState } from "react";
import { deleteAccountAction } from "@/app/actions/delete-account-action";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { dangerButton } from "@/components/styles";

import { ACCOUNT_DELETED_URL } from "@/lib/session/login-url";
import { errorText } from "./api-error";
import { useStepUpFetch } from "./step-up-dialog";

type Answer = { message?: string | undefined; password?: string | undefined };

const deleteRequest = (password: string): Promise<Response> =>
  fetch("/api/account", {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password }),
  });

/**
 * "Delete account", behind a `<details>` disclosure (the confirmation step, with or without JavaScript) and
 * the current password. With JavaScript it calls `DELETE /api/account`; a 403 `reauthentication_required`
 * opens the password dialog, then the same deletion is sent again. Without, the server action does it.
 */
export function DeleteAccountForm(): ReactNode {
  const [state, formAction] = useActionState(deleteAccountAction, EMPTY_FORM_STATE);
  const stepUpFetch = useStepUpFetch();
  const [answer, setAnswer] = useState<Answer>({});
  const [busy, setBusy] = useState(false);

  const run = async (password: string): Promise<void> => {
    setBusy(true);
    setAnswer({});
    try {
      const response = await stepUpFetch(() => deleteRequest(password));
      if (!response) return;
      if (response.ok) window.location.assign(ACCOUNT_DELETED_URL);
      // Signed out meanwhile: the account page sends the browser to the login page, saying why.
      else if (response.status === 401) window.location.assign("/account");
      else if (response.status === 400) setAnswer({ password: await errorText(response, "password") });
      else setAnswer({ message: await errorText(response) });
    } catch {
      setAnswer({ message: "The server could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("deletePassword");
    void run(typeof password === "string" ? password : "");
  };

  const message = answer.message ?? state.message;
  const passwordError = answer.password ?? state.fields.deletePassword;
  return (
    <details data-testid="delete-account" open={state !== EMPTY_FORM_STATE || undefined}>
      <summary className="inline-block cursor-pointer list-none rounded-lg border border-red-700 px-4 py-2 font-medium text-red-700 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950 [&::-webkit-details-marker]:hidden">
        Delete account…
      </summary>
      <div className="mt-3 rounded-lg border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950">
        <p className="mb-4 text-sm text-red-900 dark:text-red-100">
          This deletes your account and signs out every device at once. It cannot be undone.
        </p>
        <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
          <FormMessage text={message} tone="error" />
          <PasswordField
            kind="current"
            name="deletePassword"
            label="Your password"
            onChange={() => setAnswer((current) => ({ ...current, password: undefined }))}
            error={passwordError}
          />
          <button type="submit" disabled={busy} aria-busy={busy} className={dangerButton}>
            Yes, delete my account
          </button>
        </form>
      </div>
    </details>
  );
}
