"use client";

import { createContext, type FormEvent, type ReactNode, use, useCallback, useRef, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { dialogBox, secondaryButton } from "@/components/styles";
import { errorCode, errorText } from "./api-error";

/** Opens the password dialog; resolves true once the password was confirmed, false when it was dismissed. */
type AskPassword = () => Promise<boolean>;

const StepUpContext = createContext<AskPassword | null>(null);

/** The account page's step-up prompt (R61), for the actions that need a recently confirmed password. */
export function useStepUp(): AskPassword {
  const ask = use(StepUpContext);
  if (!ask) throw new Error("useStepUp needs a StepUpProvider");
  return ask;
}

/**
 * Sends a request; a 403 `reauthentication_required` asks for the password (the dialog) and sends it again.
 * Null when the dialog was dismissed.
 */
export function useStepUpFetch(): (send: () => Promise<Response>) => Promise<Response | null> {
  const askPassword = useStepUp();
  return async (send) => {
    const response = await send();
    if (response.status === 403 && (await errorCode(response)) === "reauthentication_required") {
      return (await askPassword()) ? send() : null;
    }
    return response;
  };
}

/** A modal `<dialog>` (focus moves in, Escape cancels) that posts the password to `/api/sessions/confirm`. */
export function StepUpProvider({ children }: { children: ReactNode }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const waiting = useRef<((confirmed: boolean) => void) | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const ask = useCallback<AskPassword>(() => {
    waiting.current?.(false);
    setError(undefined);
    dialog.current?.showModal();
    return new Promise((resolve) => {
      waiting.current = resolve;
    });
  }, []);

  const finish = (confirmed: boolean): void => {
    const resolve = waiting.current;
    waiting.current = null;
    if (dialog.current?.open) dialog.current.close();
    resolve?.(confirmed);
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    try {
      const response = await fetch("/api/sessions/confirm", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password: new FormData(form).get("stepUpPassword") }),
      });
      if (response.ok) {
        form.reset();
        finish(true);
      } else setError(await errorText(response, "password"));
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepUpContext value={ask}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby="step-up-title"
        aria-describedby="step-up-why"
        onClose={() => finish(false)}
        className={`max-w-md ${dialogBox}`}
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <h2 id="step-up-title" className="text-lg font-semibold">
            Confirm your password
          </h2>
          <p id="step-up-why" className="text-sm text-slate-700 dark:text-slate-300">
            For your security, enter your password again to go on.
          </p>
          <FormMessage text={error} tone="error" />
          <PasswordField kind="current" name="stepUpPassword" />
          <div className="flex gap-3">
            <button type="submit" disabled={busy} aria-busy={busy} className={secondaryButton}>
              {busy ? "Confirming…" : "Confirm"}
            </button>
            <button type="button" onClick={() => finish(false)} className={secondaryButton}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </StepUpContext>
  );
}
