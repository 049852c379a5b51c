"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { updateNameAction } from "@/app/actions/name-action";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useFieldErrors } from "@/components/use-field-errors";

/** The display name, with sign-up's rules; a server action, so it works without JavaScript too. */
export function NameForm({ name }: { name: string }): ReactNode {
  const [state, action] = useActionState(updateNameAction, EMPTY_FORM_STATE);
  const errors = useFieldErrors(state.fields);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage text={state.message} tone="error" />
      <TextField
        name="name"
        label="Display name"
        autoComplete="name"
        defaultValue={state.values.name ?? name}
        onChange={() => errors.clear("name")}
        error={errors.of("name")}
        hint="Shown instead of your email. Leave it empty to be greeted by your email."
      />
      <SubmitButton pendingText="Saving…">Save name</SubmitButton>
    </form>
  );
}
