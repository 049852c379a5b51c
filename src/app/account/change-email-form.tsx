"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { changeEmailAction } from "@/app/actions/verification-actions";
import { FormMessage } from "@/components/form-message";
import { link } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";
import { useStepUpResubmit } from "./use-step-up-resubmit";

/**
 * The email change (issue 12 §4), behind a recent password confirmation (R61) like the password change:
 * with JavaScript the dialog asks for it and the same submission goes again; without, a link to the step.
 */
export function ChangeEmailForm(): ReactNode {
  const [state, action] = useActionState(changeEmailAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  const onSubmit = useStepUpResubmit(state, action);

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage text={state.message} tone="error" />
      {state.reauthenticate ? (
        <a href="/account?confirm=change-email" className={`inline-block text-sm ${link}`}>
          Confirm your password
        </a>
      ) : null}
      <FormMessage text={state.notice} tone="success" />
      <TextField
        name="newEmail"
        label="New email address"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email ?? ""}
        key={state.values.email ?? ""}
        onChange={() => errors.clear("newEmail")}
        error={errors.of("newEmail")}
        hint="We send a link to the new address; the address changes, and your other sessions end, when you follow it."
      />
      <SubmitButton pendingText="Sending…">Change email address</SubmitButton>
    </form>
  );
}
