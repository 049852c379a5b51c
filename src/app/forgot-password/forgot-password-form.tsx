"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { requestResetAction } from "@/app/actions/password-reset-actions";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";

/** One field; every well-formed address gets the same confirmation, whether or not it has an account. */
export function ForgotPasswordForm(): ReactNode {
  const [state, action] = useActionState(requestResetAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage text={state.message} tone="error" />
      <FormMessage text={state.notice} tone="success" />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email}
        onChange={() => errors.clear("email")}
        error={errors.of("email")}
        hint="We send a link to choose a new password to this address, if an account uses it."
      />
      <SubmitButton pendingText="Sending…">Send the link</SubmitButton>
    </form>
  );
}
