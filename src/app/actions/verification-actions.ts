"use server";

import { EmailSchema } from "@/lib/auth/email";
import { requestEmailChange } from "@/lib/email-change/request-email-change";
import { currentRequestContext } from "@/lib/http/current-request";
import { requireSession } from "@/lib/session/for-pages";
import { stepUpOf } from "@/lib/session/step-up-guard";
import { resendVerification } from "@/lib/verification/resend-verification";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** "Resend" on the banner and the "check your email" page: the same notice whatever happened (throttled too). */
export async function resendVerificationAction(_previous: FormState, _form: FormData): Promise<FormState> {
  const session = await requireSession("/private", { unverified: "allow" });
  return orTryAgain({}, async () => {
    await resendVerification(session.user.id, await currentRequestContext());
    return { notice: "If your address still needs it, a new link is on its way.", fields: {}, values: {} };
  });
}

const NEEDS_CONFIRMATION: FormState = {
  message: "Confirm your password first, then change your address.",
  reauthenticate: true,
  fields: {},
  values: {},
};

/** The account page's email change (issue 12 §4): step-up first (R61); the same notice for every address. */
export async function changeEmailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  const newEmail = formText(form, "newEmail");
  const values = { email: newEmail };
  if (stepUpOf(session).status !== "fresh") return { ...NEEDS_CONFIRMATION, values };
  const input = EmailSchema.safeParse(newEmail);
  if (!input.success) {
    return { fields: { newEmail: input.error.issues[0]?.message ?? "Enter an email address." }, values };
  }
  return orTryAgain(values, async (): Promise<FormState> => {
    const result = await requestEmailChange(session.user, input.data, await currentRequestContext());
    if (!result.ok) return { fields: { newEmail: "This is already your address." }, values };
    return {
      notice: "If that address can be used, we sent it a confirmation link. Your address changes when you follow it.",
      fields: {},
      values: {},
    };
  });
}
