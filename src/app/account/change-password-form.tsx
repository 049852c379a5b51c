"use client";

import { type ReactNode, useActionState, useState } from "react";
import { changePasswordAction } from "@/app/actions/account-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { PasswordStrength } from "@/components/password-strength";
import { link } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { useFieldErrors } from "@/components/use-field-errors";
import { useStepUpResubmit } from "./use-step-up-resubmit";

/**
 * Needs a recent password confirmation (R61). With JavaScript the dialog asks for it and the same
 * submission is sent again; without, the form links to the confirmation step. The new password gets the
 * sign-up form's live strength meter, judged with this account's email and name.
 */
export function ChangePasswordForm({
  email,
  name,
  appName,
}: {
  email: string;
  name: string;
  appName: string;
}): ReactNode {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  // The field itself stays uncontrolled (React empties it after each answer); the meter follows it.
  const [newPassword, setNewPassword] = useState("");
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setNewPassword("");
  }
  const onSubmit = useStepUpResubmit(state, action);

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage text={state.message} tone="error" />
      {state.reauthenticate ? (
        <a href="/account?confirm=change-password" className={`inline-block text-sm ${link}`}>
          Confirm your password
        </a>
      ) : null}
      <FormMessage text={state.notice} tone="success" />
      <PasswordField
        kind="current"
        name="currentPassword"
        label="Current password"
        onChange={() => errors.clear("currentPassword")}
        error={errors.of("currentPassword")}
      />
      <PasswordField
        kind="new"
        name="newPassword"
        label="New password"
        onChange={(event) => {
          setNewPassword(event.target.value);
          errors.clear("newPassword");
        }}
        error={errors.of("newPassword")}
        hint={
          <>
            <PasswordStrength password={newPassword} email={email} name={name} appName={appName} />
            <p className="mt-1">Changing it signs out your other sessions.</p>
          </>
        }
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
