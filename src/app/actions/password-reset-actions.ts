"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { NewPasswordSchema, PasswordResetRequestSchema } from "@/lib/auth/auth-schemas";
import { AFTER_RESET_PATH, RESET_LINK_DEAD_MESSAGE, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset-answers";
import { confirmPasswordReset } from "@/lib/auth/password-reset-confirm";
import { requestPasswordReset } from "@/lib/auth/password-reset-request";
import { forgetResetToken, resetTokenFromCookie } from "@/lib/auth/reset-token-read";
import { db } from "@/lib/db/database";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** The forgot-password form: the same core and the same answer as `POST /api/password-reset`. */
export async function requestResetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = formText(form, "email");
  const values = { email };
  const input = PasswordResetRequestSchema.safeParse({ email });
  if (!input.success) return { fields: fieldErrors(input.error), values };
  const { data } = input;
  return orTryAgain(values, async () => {
    await requestPasswordReset(await db(), data.email, await currentRequestContext(), after);
    return { notice: RESET_REQUESTED_MESSAGE, fields: {}, values };
  });
}

/**
 * The reset page's form: the token comes from the cookie the link left (reset-token-cookie.ts), never from
 * the form. Success ends at the login page, signed out (R60).
 */
export async function confirmResetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const token = await resetTokenFromCookie();
  if (token === null) return { message: RESET_LINK_DEAD_MESSAGE, fields: {}, values: {} };
  const input = NewPasswordSchema.safeParse(formText(form, "newPassword"));
  if (!input.success)
    return { fields: { newPassword: input.error.issues[0]?.message ?? "Choose a password." }, values: {} };
  const newPassword = input.data;
  return orTryAgain({}, async () => {
    const result = await confirmPasswordReset(await db(), token, newPassword, await currentRequestContext());
    if (!result.ok && result.code === "invalid_token")
      return { message: RESET_LINK_DEAD_MESSAGE, fields: {}, values: {} };
    if (!result.ok) return { fields: result.fields, values: {} };
    await forgetResetToken();
    redirect(AFTER_RESET_PATH);
  });
}
