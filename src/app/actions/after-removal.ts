import { redirect } from "next/navigation";
import type { RemoveAccountResult } from "@/lib/account/delete-account";
import { ACCOUNT_DELETED_URL, loginUrl } from "@/lib/session/login-url";
import { clearSessionCookie } from "@/lib/session/sign-out";
import type { FormState } from "./form-state";

const LAST_ADMIN_MESSAGE = "You are the only admin: make someone else an admin before deleting your account.";

/**
 * Where a deletion from a form ends, with or without the step-up page: signed out and told so on the login
 * page; the app's last admin is told why not. Not a server action itself (no "use server"): only a helper.
 */
export async function afterRemoval(result: RemoveAccountResult): Promise<FormState> {
  if (!result.ok && result.code === "last_admin") return { message: LAST_ADMIN_MESSAGE, fields: {}, values: {} };
  await clearSessionCookie();
  redirect(result.ok ? ACCOUNT_DELETED_URL : loginUrl("/account", "removed"));
}
