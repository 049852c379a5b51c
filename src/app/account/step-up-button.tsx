"use client";

import type { ReactNode } from "react";
import { dangerButton, secondaryButton } from "@/components/styles";
import { useStepUpRequest } from "./use-step-up-request";

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
  const send = (): Promise<Response> => fetch(request.path, { method: request.method });
  const { busy, error, submit } = useStepUpRequest(send, { doneUrl, signedOutUrl: "/account" });

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
