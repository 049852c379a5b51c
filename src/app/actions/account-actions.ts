"use server";

import { redirect } from "next/navigation";
import { ChangePasswordSchema } from "@/lib/auth/auth-schemas";
import { changePassword } from "@/lib/auth/change-password";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import { requireSession } from "@/lib/session/for-pages";
import { keepThisSession } from "@/lib/session/keep-session";
import { revokeOtherSessions, signOutEverywhere } from "@/lib/session/sign-out";
import { requireStepUpOrConfirm } from "@/lib/session/step-up-action";
import { stepUpOf } from "@/lib/session/step-up-guard";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** "Sign out everywhere else". Every server action verifies the session itself, and the step-up (R61). */
export async function revokeOthersAction(): Promise<void> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "revoke-others");
  await revokeOtherSessions(session);
  redirect("/account?done=revoked-others");
}

/** "Sign out everywhere", this browser included. */
export async function signOutEverywhereAction(): Promise<void> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "sign-out-everywhere");
  await signOutEverywhere(session);
  redirect("/login?reason=signed-out-everywhere");
}

const NEEDS_CONFIRMATION: FormState = {
  message: "Confirm your password first, then change it.",
  reauthenticate: true,
  fields: {},
  values: {},
};

/** The change-password form: current password required; every other session ends (R17, R19, R61). */
export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  if (stepUpOf(session).status !== "fresh") return NEEDS_CONFIRMATION;
  const input = ChangePasswordSchema.safeParse({
    currentPassword: formText(form, "currentPassword"),
    newPassword: formText(form, "newPassword"),
  });
  if (!input.success) return { fields: fieldErrors(input.error), values: {} };
  const { currentPassword, newPassword } = input.data;
  return orTryAgain({}, async () => {
    const result = await changePassword(session.user, currentPassword, newPassword, await currentRequestContext());
    if (!result.ok && result.code === "throttled") {
      return { message: throttledMessage(result.retryAfterSeconds), fields: {}, values: {} };
    }
    if (!result.ok && result.code === "conflict") {
      return {
        message: "Your password was changed meanwhile by another request; sign in again.",
        fields: {},
        values: {},
      };
    }
    if (!result.ok) return { fields: result.fields, values: {} };
    await keepThisSession(session, result.sessionVersion);
    return { notice: "Password changed. Your other sessions were signed out.", fields: {}, values: {} };
  });
}
