"use client";

import { type ReactNode, useActionState, useState } from "react";
import { signUpAction } from "@/app/actions/auth-actions";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { PasswordStrength } from "@/components/password-strength";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";

export function SignUpForm({ next, appName }: { next: string; appName: string }): ReactNode {
  const [state, action] = useActionState(signUpAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  const [password, setPassword] = useState("");
  const [email, setEmail] = useState(state.values.email ?? "");
  const [name, setName] = useState(state.values.name ?? "");
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage text={state.message} tone="error" />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
          errors.clear("email");
        }}
        error={errors.of("email")}
      />
      <TextField
        name="name"
        label="Name (optional)"
        autoComplete="name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          errors.clear("name");
        }}
        error={errors.of("name")}
      />
      <PasswordField
        kind="new"
        name="password"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          errors.clear("password");
        }}
        error={errors.of("password")}
        hint={<PasswordStrength password={password} email={email} name={name} appName={appName} />}
      />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
