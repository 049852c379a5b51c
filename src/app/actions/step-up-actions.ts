"use server";

import { redirect } from "next/navigation";
import { removeAccount } from "@/lib/account/delete-account";
import { ConfirmPasswordSchema } from "@/lib/auth/auth-schemas";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import type { ActiveSession } from "@/lib/session/check-session";
import { requireSession } from "@/lib/session/for-pages";
import { revokeOtherSessions, signOutEverywhere } from "@/lib/session/sign-out";
import { isStepUpAction, type StepUpAction } from "@/lib/session/step-up-action";
import { confirmPassword } from "@/lib/session/step-up-confirm";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { afterRemoval } from "./after-removal";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** What each action does once the password is confirmed; each ends in a redirect, or says why not. */
async function carryOn(action: StepUpAction, session: ActiveSession): Promise<FormState> {
  if (action === "revoke-others") {
    await revokeOtherSessions(session);
    redirect("/account?done=revoked-others");
  }
  if (action === "sign-out-everywhere") {
    await signOutEverywhere(session);
    redirect("/login?reason=signed-out-everywhere");
  }
  if (action === "delete-account") {
    // The password just confirmed is the current one: the deletion goes on without asking for it again.
    return afterRemoval(await removeAccount(session.user, await currentRequestContext()));
  }
  // An email change needs the new address, typed after the confirmation.
  if (action === "change-email") redirect("/account?done=confirmed-email#email");
  // Two-step sign-in: the page shows its set-up (or its buttons) now that the password is fresh.
  if (action === "second-factor") redirect("/account?done=confirmed-second-factor#second-factor");
  // A password change needs the new password, typed after the confirmation.
  redirect("/account?done=confirmed#password");
}

/**
 * The no-JavaScript step-up (R61): `/account?confirm=<action>` posts the password here; once it is confirmed
 * the action is carried out. With JavaScript the account page's dialog does the same over the JSON API.
 */
export async function confirmAndContinueAction(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  const action = formText(form, "action");
  if (!isStepUpAction(action))
    return { message: "Choose the action again from your account page.", fields: {}, values: {} };
  const input = ConfirmPasswordSchema.safeParse({ password: formText(form, "password") });
  if (!input.success) return { fields: fieldErrors(input.error), values: {} };
  return orTryAgain({}, async (): Promise<FormState> => {
    const result = await confirmPassword(session, input.data.password, await currentRequestContext());
    if (!result.ok && result.code === "throttled") {
      return { message: throttledMessage(result.retryAfterSeconds), fields: {}, values: {} };
    }
    if (!result.ok) return { fields: { password: "That is not your password." }, values: {} };
    return carryOn(action, result.session);
  });
}
