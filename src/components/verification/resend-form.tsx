"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE } from "@/app/actions/form-state";
import { resendVerificationAction } from "@/app/actions/verification-actions";
import { FormMessage } from "@/components/form-message";
import { smallButton } from "@/components/styles";

/** "Resend" the verification link: a real form, so it works without JavaScript too. */
export function ResendForm({ label = "Resend the link" }: { label?: string }): ReactNode {
  const [state, action, pending] = useActionState(resendVerificationAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} aria-busy={pending} className={smallButton}>
        {pending ? "Sending…" : label}
      </button>
      <FormMessage text={state.message} tone="error" />
      <FormMessage text={state.notice} tone="success" />
    </form>
  );
}
