import { getIronSession, type IronSession } from "iron-session";
import { cookies } from "next/headers";
import type { UserRecord } from "@/lib/users/user";
import { newSessionData, type SessionData } from "./session-data";
import { sessionOptions } from "./session-options";

/** The App Router session (route handlers, server actions, server components) from `cookies()`. */
async function appSession(): Promise<IronSession<SessionData>> {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** The raw, unchecked session payload; `resolveSession` decides whether it is valid. Never writes. */
export async function readSessionPayload(): Promise<Partial<SessionData>> {
  const { sid, uid, ver, authenticatedAt, lastSeenAt } = await appSession();
  return { sid, uid, ver, authenticatedAt, lastSeenAt };
}

/** Seals a brand-new session for `user`, replacing whatever the browser had (R10). */
export async function startSession(user: UserRecord): Promise<SessionData> {
  const session = await appSession();
  const data = newSessionData(user);
  Object.assign(session, data);
  await session.save();
  return data;
}

/** Clears the cookie. */
export async function endSession(): Promise<void> {
  const session = await appSession();
  session.destroy();
}
