"use server";

import { DeleteAccountSchema } from "@/lib/account/account-schemas";
import { deleteAccount } from "@/lib/account/delete-account";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import { requireSession } from "@/lib/session/for-pages";
import { requireStepUpOrConfirm } from "@/lib/session/step-up-action";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { afterRemoval } from "./after-removal";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/**
 * The delete form without JavaScript (R61): past the step-up window the browser goes to the confirmation
 * step, which deletes once the password is confirmed; else the password is checked here, then the account
 * is deleted. With JavaScript the form uses `DELETE /api/account` and the password dialog instead.
 */
export async function deleteAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "delete-account");
  const input = DeleteAccountSchema.safeParse({ password: formText(form, "deletePassword") });
  if (!input.success) {
    const { password = "Enter your password." } = fieldErrors(input.error);
    return { fields: { deletePassword: password }, values: {} };
  }
  return orTryAgain({}, async () => {
    const result = await deleteAccount(session.user, input.data.password, await currentRequestContext());
    if (!result.ok && result.code === "throttled") {
      return { message: throttledMessage(result.retryAfterSeconds), fields: {}, values: {} };
    }
    if (!result.ok && result.code === "wrong_password") {
      return { fields: { deletePassword: "That is not your password." }, values: {} };
    }
    return afterRemoval(result);
  });
}
