"use client";

import { type ReactNode, useActionState } from "react";
import { signInAction } from "@/app/actions/auth-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";

export function LoginForm({ next }: { next: string }): ReactNode {
  const [state, action] = useActionState(signInAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage text={state.message} tone="error" />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values.email}
        error={state.fields.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields.password}
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
