"use client";

import { type ReactNode, useActionState } from "react";
import { type CodesState, secondStepAction } from "@/app/actions/second-factor-actions";
import { FormMessage } from "@/components/form-message";
import { mutedText } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";

const EMPTY: CodesState = { fields: {} };

/** The code from the authenticator app, or (in a disclosure, which works without JavaScript) a recovery code. */
export function SecondStepForm({ next }: { next: string }): ReactNode {
  const [state, action] = useActionState(secondStepAction, EMPTY);
  return (
    <div className="space-y-6">
      <FormMessage text={state.message} tone="error" />
      <form action={action} className="space-y-5" noValidate>
        <input type="hidden" name="next" value={next} />
        <TextField
          name="code"
          label="Code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          error={state.fields.code}
        />
        <SubmitButton pendingText="Checking…">Continue</SubmitButton>
      </form>
      <details open={Boolean(state.fields.recoveryCode)}>
        <summary className={`cursor-pointer text-sm ${mutedText}`}>Lost your phone? Use a recovery code</summary>
        <form action={action} className="mt-4 space-y-5" noValidate>
          <input type="hidden" name="next" value={next} />
          <TextField
            name="recoveryCode"
            label="Recovery code"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            required
            error={state.fields.recoveryCode}
          />
          <SubmitButton pendingText="Checking…">Use recovery code</SubmitButton>
        </form>
      </details>
    </div>
  );
}
