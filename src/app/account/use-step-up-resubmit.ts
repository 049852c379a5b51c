"use client";

import { type FormEvent, startTransition, useEffect, useRef } from "react";
import type { FormState } from "@/app/actions/form-state";
import { useStepUp } from "./step-up-dialog";

/**
 * For a form whose action may answer `reauthenticate` (R61): React empties the form once the action is done,
 * so what was typed is kept at submit; when the answer asks for the password, the dialog asks for it and the
 * same submission is sent again. Returns the form's `onSubmit`.
 */
export function useStepUpResubmit(
  state: FormState,
  action: (form: FormData) => void,
): (event: FormEvent<HTMLFormElement>) => void {
  const askPassword = useStepUp();
  const submitted = useRef<FormData | null>(null);

  useEffect(() => {
    const form = submitted.current;
    submitted.current = null;
    if (!state.reauthenticate || !form) return;
    void askPassword().then((confirmed) => {
      if (confirmed) startTransition(() => action(form));
    });
  }, [state, action, askPassword]);

  return (event) => {
    submitted.current = new FormData(event.currentTarget);
  };
}
