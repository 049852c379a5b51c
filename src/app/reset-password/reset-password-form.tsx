"use client";

import { type ReactNode, useActionState, useState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { confirmResetAction } from "@/app/actions/password-reset-actions";
import { FormMessage } from "@/components/form-message";
import { PasswordStrength } from "@/components/password-strength";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";

/** The new password, with the sign-up form's live strength meter judged with this account's email. */
export function ResetPasswordForm({
  email,
  name,
  appName,
}: {
  email: string;
  name: string;
  appName: string;
}): ReactNode {
  const [state, action] = useActionState(confirmResetAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  const [password, setPassword] = useState("");
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage text={state.message} tone="error" />
      {/* For password managers: the account this new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        onChange={(event) => {
          setPassword(event.target.value);
          errors.clear("newPassword");
        }}
        error={errors.of("newPassword")}
        hint={
          <>
            <PasswordStrength password={password} email={email} name={name} appName={appName} />
            <p className="mt-1">Every device signed in to this account will be signed out.</p>
          </>
        }
      />
      <SubmitButton pendingText="Saving…">Set the new password</SubmitButton>
    </form>
  );
}
