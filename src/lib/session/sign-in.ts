import { currentRequestContext } from "@/lib/http/current-request";
import type { UserRecord } from "@/lib/users/user";
import { readSessionPayload, saveSession } from "./app-cookies";
import { newSessionData, type SessionData } from "./session-data";
import { recordSignOut } from "./sign-out";

/**
 * Signs `user` in with a brand-new session id (R10). A session the browser already had is ended first,
 * so signing in over it replaces it entirely.
 */
export async function startSession(user: UserRecord): Promise<SessionData> {
  await recordSignOut(await readSessionPayload(), await currentRequestContext());
  const data = newSessionData(user);
  await saveSession(data);
  return data;
}
