"use client";

import { type ReactNode, useActionState } from "react";
import { changePasswordAction } from "@/app/actions/account-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";

export function ChangePasswordForm(): ReactNode {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage text={state.message} tone="error" />
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
