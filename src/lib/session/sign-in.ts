import { recordSignIn } from "@/lib/devices/device-sign-in";
import { currentRequestContext } from "@/lib/http/current-request";
import type { UserRecord } from "@/lib/users/user";
import { readSessionPayload, saveSession } from "./app-cookies";
import { type Amr, newSessionData, type SessionData } from "./session-data";
import { recordSignOut } from "./sign-out";

/**
 * Signs `user` in with a brand-new session id (R10). A session the browser already had is ended first,
 * so signing in over it replaces it entirely. The new session's device is recorded before its cookie is set.
 * `amr` says how (issue 13): a password alone unless a second step or a passkey was used.
 */
export async function startSession(user: UserRecord, amr: Amr[] = ["pwd"]): Promise<SessionData> {
  const context = await currentRequestContext();
  await recordSignOut(await readSessionPayload(), context);
  const data = newSessionData(user, Date.now(), amr);
  await recordSignIn(data, context);
  await saveSession(data);
  return data;
}
