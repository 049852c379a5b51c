import type { RequestContext } from "@/lib/http/request-context";
import type { ActiveSession } from "@/lib/session/check-session";
import { type AdminDone, deleteUserAsAdmin, signOutUserAsAdmin, updateUserAsAdmin } from "./admin-actions";
import { type AdminCommand, commandEffect } from "./admin-commands";

/** Carries out one command of the admin page (the no-JavaScript path; the API routes call the same functions). */
export async function runAdminCommand(
  session: ActiveSession,
  command: AdminCommand,
  userId: string,
  context: RequestContext,
): Promise<AdminDone> {
  const effect = commandEffect(command);
  if (effect.kind === "sign-out") return signOutUserAsAdmin(session, userId, context);
  if (effect.kind === "delete") return deleteUserAsAdmin(session, userId, context);
  const result = await updateUserAsAdmin(session, userId, effect.patch, context);
  return result.ok ? { ok: true } : result;
}
