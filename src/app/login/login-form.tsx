"use client";

import { type ReactNode, useActionState } from "react";
import { signInAction } from "@/app/actions/auth-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";

/**
 * `notice` says why the person is here ("You have signed out."); it gives way to the first answer of the
 * form, so it never stands above a contradicting one.
 */
export function LoginForm({ next, notice }: { next: string; notice: string | null }): ReactNode {
  const [state, action] = useActionState(signInAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  return (
    <form action={action} className="space-y-5" noValidate>
      {notice && state === EMPTY_FORM_STATE ? (
        <p
          role="status"
          className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800 dark:bg-brand-950 dark:text-slate-100"
          data-testid="logout-reason"
        >
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <FormMessage text={state.message} tone="error" />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values.email}
        onChange={() => errors.clear("email")}
        error={errors.of("email")}
      />
      <PasswordField
        kind="current"
        name="password"
        onChange={() => errors.clear("password")}
        error={errors.of("password")}
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
