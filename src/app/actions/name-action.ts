"use server";

import { redirect } from "next/navigation";
import { UpdateAccountSchema } from "@/lib/account/account-schemas";
import { renameAccount } from "@/lib/account/rename-account";
import { currentRequestContext } from "@/lib/http/current-request";
import { fieldErrors } from "@/lib/http/read-json";
import { requireSession } from "@/lib/session/for-pages";
import { loginUrl } from "@/lib/session/login-url";
import { type FormState, formText } from "./form-state";
import { orTryAgain } from "./try-again";

/** The account page's name form, the no-JS twin of `PATCH /api/account`: empty clears the name. */
export async function updateNameAction(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  const name = formText(form, "name");
  const input = UpdateAccountSchema.safeParse({ name });
  if (!input.success) return { fields: fieldErrors(input.error), values: { name: name ?? "" } };
  return orTryAgain({ name }, async () => {
    const result = await renameAccount(session.user, input.data.name, await currentRequestContext());
    if (!result.ok) redirect(loginUrl("/account", "removed"));
    redirect("/account?done=name-saved");
  });
}
