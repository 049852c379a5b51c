"use server";

import { forbidden, redirect } from "next/navigation";
import { isAdminCommand } from "@/lib/admin/admin-commands";
import { adminUrl } from "@/lib/admin/admin-url";
import { runAdminCommand } from "@/lib/admin/run-command";
import { currentRequestContext } from "@/lib/http/current-request";
import type { ActiveSession } from "@/lib/session/check-session";
import { requireSession } from "@/lib/session/for-pages";
import { confirmPassword } from "@/lib/session/step-up-confirm";
import { stepUpOf } from "@/lib/session/step-up-guard";
import { formText } from "./form-state";

/**
 * The admin page's confirmation form without JavaScript (issue 11 §4): the session, then the step-up (R61),
 * asking for the password on the confirmation step itself when the window has closed, then the command,
 * which checks the admin against the database itself. Every outcome is a redirect back to `/admin`.
 */
export async function adminCommandAction(form: FormData): Promise<void> {
  const session = await requireSession("/admin");
  const command = formText(form, "command");
  const user = formText(form, "user");
  const query = formText(form, "query") ?? "";
  const page = Number(formText(form, "page")) || 1;
  if (!isAdminCommand(command) || !user) redirect(adminUrl({ query, page }));
  let current: ActiveSession = session;
  if (stepUpOf(session).status !== "fresh") {
    const password = formText(form, "password");
    if (!password) redirect(adminUrl({ query, page, user, confirm: command, password: "needed" }));
    const confirmed = await confirmPassword(session, password, await currentRequestContext());
    if (!confirmed.ok) {
      const problem = confirmed.code === "throttled" ? "throttled" : "wrong";
      redirect(adminUrl({ query, page, user, confirm: command, password: problem }));
    }
    current = confirmed.session;
  }
  const result = await runAdminCommand(current, command, user, await currentRequestContext());
  if (result.ok) redirect(adminUrl({ query, page, user, done: command }));
  if (result.code === "forbidden") forbidden();
  // The page itself then explains how to add a second factor (issue 13 §3).
  if (result.code === "second_factor_required") redirect(adminUrl({}));
  redirect(adminUrl({ query, page, user, error: result.code }));
}
