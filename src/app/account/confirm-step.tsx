"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { confirmAndContinueAction } from "@/app/actions/step-up-actions";
import { FormMessage } from "@/components/form-message";
import { PasswordField } from "@/components/password-field";
import { link } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { StepUpAction } from "@/lib/session/step-up-action";

const WHAT: Record<StepUpAction, string> = {
  "revoke-others": "sign out everywhere else",
  "sign-out-everywhere": "sign out everywhere",
  "change-password": "change your password",
  "delete-account": "delete your account",
  "change-email": "change your email address",
  "second-factor": "change two-step sign-in",
};

/** The step-up as a page step, for browsers without JavaScript (R61): password, then the action itself. */
export function ConfirmStep({ action }: { action: StepUpAction }): ReactNode {
  const [state, formAction] = useActionState(confirmAndContinueAction, EMPTY_FORM_STATE);
  return (
    <section
      className="mt-6 rounded-2xl border border-amber-300 bg-amber-50 p-6 dark:border-amber-700 dark:bg-amber-950"
      aria-labelledby="confirm-step"
    >
      <h2 id="confirm-step" className="font-semibold">
        Confirm your password
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
        To {WHAT[action]}, enter your password again.
        {action === "delete-account" ? " Your account is deleted as soon as it is confirmed." : null}
      </p>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="action" value={action} />
        <FormMessage text={state.message} tone="error" />
        <PasswordField kind="current" name="password" error={state.fields.password} />
        <SubmitButton pendingText="Confirming…">Confirm and continue</SubmitButton>
      </form>
      <a href="/account" className={`mt-3 inline-block text-sm ${link}`}>
        Cancel
      </a>
    </section>
  );
}
