"use client";

import { type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/actions/account-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useStepUp } from "./step-up-dialog";

/**
 * Needs a recent password confirmation (R61). With JavaScript the dialog asks for it and the same
 * submission is sent again; without, the form links to the confirmation step.
 */
export function ChangePasswordForm(): ReactNode {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  const askPassword = useStepUp();
  // React empties the form once the action is done: keep what was typed, to send it again after the prompt.
  const submitted = useRef<FormData | null>(null);

  useEffect(() => {
    const form = submitted.current;
    submitted.current = null;
    if (!state.reauthenticate || !form) return;
    void askPassword().then((confirmed) => {
      if (confirmed) startTransition(() => action(form));
    });
  }, [state, action, askPassword]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        submitted.current = new FormData(event.currentTarget);
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage text={state.message} tone="error" />
      {state.reauthenticate ? (
        <a href="/account?confirm=change-password" className="inline-block text-sm font-medium underline">
          Confirm your password
        </a>
      ) : null}
      <FormMessage text={state.notice} tone="success" />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fields.newPassword}
        hint="At least 15 characters; signs out your other sessions."
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
