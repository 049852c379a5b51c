"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { dangerButton, secondaryButton } from "@/components/styles";
import { errorText } from "./api-error";
import { useStepUpFetch } from "./step-up-dialog";

type Props = {
  /** The server action: the path without JavaScript (it sends the browser to the confirmation step). */
  action: () => Promise<void>;
  /** The same action in the JSON API, used with JavaScript. */
  request: { method: "POST" | "DELETE"; path: string };
  /** Where the browser goes once it is done. */
  doneUrl: string;
  /** `danger` for the action that also ends this session. */
  tone?: "secondary" | "danger";
  children: ReactNode;
};

/**
 * A button for an action that needs a recent password (R61). With JavaScript it calls the API; a 403
 * `reauthentication_required` opens the password dialog, and once confirmed the action is sent again.
 */
export function StepUpButton({ action, request, doneUrl, tone = "secondary", children }: Props): ReactNode {
  const stepUpFetch = useStepUpFetch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const send = (): Promise<Response> => fetch(request.path, { method: request.method });

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await stepUpFetch(send);
      if (!response) return;
      if (response.ok) window.location.assign(doneUrl);
      // Signed out meanwhile: the account page sends the browser to the login page, saying why.
      else if (response.status === 401) window.location.assign("/account");
      else setError(await errorText(response));
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void run();
  };

  return (
    <form action={action} onSubmit={submit}>
      <button
        type="submit"
        disabled={busy}
        aria-busy={busy}
        className={tone === "danger" ? dangerButton : secondaryButton}
      >
        {children}
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
