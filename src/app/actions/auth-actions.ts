"use server";

import { redirect } from "next/navigation";
import { SignInSchema, SignUpSchema } from "@/lib/auth/auth-schemas";
import { INVALID_CREDENTIALS_MESSAGE, signIn, signUp } from "@/lib/auth/auth-service";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import { isTemporaryFailure } from "@/lib/http/temporary-failure";
import { log } from "@/lib/log/logger";
import { startPending } from "@/lib/second-factor/pending-seal";
import { startSession } from "@/lib/session/sign-in";
import { endSession } from "@/lib/session/sign-out";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { SIGNED_UP_CHECK_EMAIL } from "@/lib/verification/verification-gate";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** The login form's action: the same auth core as `POST /api/sessions`. */
export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = formText(form, "email");
  const values = { email };
  const input = SignInSchema.safeParse({ email, password: formText(form, "password"), next: formText(form, "next") });
  if (!input.success) return { fields: fieldErrors(input.error), values };
  const { data } = input;
  return orTryAgain(values, async () => {
    const result = await signIn(data, await currentRequestContext());
    if (!result.ok && result.code === "throttled") {
      return { message: throttledMessage(result.retryAfterSeconds), fields: {}, values };
    }
    if (!result.ok) return { message: INVALID_CREDENTIALS_MESSAGE, fields: {}, values };
    if (result.secondFactor) {
      await startPending(result.user);
      redirect(`/login/second-factor?next=${encodeURIComponent(safeRedirect(data.next))}`);
    }
    await startSession(result.user);
    redirect(safeRedirect(data.next));
  });
}

/** The sign-up form's action: the same auth core as `POST /api/users`. */
export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = { email: formText(form, "email"), name: formText(form, "name") };
  const values = { email: raw.email, name: raw.name };
  const input = SignUpSchema.safeParse({ ...raw, password: formText(form, "password"), next: formText(form, "next") });
  if (!input.success) return { fields: fieldErrors(input.error), values };
  const { data } = input;
  return orTryAgain(values, async () => {
    const result = await signUp(data, await currentRequestContext());
    if (!result.ok && result.code === "throttled") {
      return { message: throttledMessage(result.retryAfterSeconds), fields: {}, values };
    }
    if (!result.ok) return { fields: result.fields, values };
    if (result.kind === "check-email") redirect(SIGNED_UP_CHECK_EMAIL);
    await startSession(result.user);
    redirect(safeRedirect(data.next));
  });
}

/**
 * Every signed-in page's sign-out button. The cookie is cleared first; if the database cannot record the
 * ended session id right now, this browser is signed out all the same and the failure is logged.
 */
export async function signOutAction(): Promise<void> {
  try {
    await endSession();
  } catch (error) {
    if (!isTemporaryFailure(error)) throw error;
    log.error("sign_out_not_recorded", { error });
  }
  redirect("/login?reason=signed-out");
}
