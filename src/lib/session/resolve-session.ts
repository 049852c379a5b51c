import { env } from "@/lib/config/env";
import { db } from "@/lib/db/database";
import { type PublicUser, toPublicUser } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import { absoluteExpiry, isExpired, parseSessionData, type SessionData } from "./session-data";

export interface CurrentSession {
  user: PublicUser;
  data: SessionData;
  expiresAt: number;
}

/**
 * The server-side session check (R11, R15): a well-formed, unexpired seal whose user still exists and
 * whose `sessionVersion` still matches. Everything else is "signed out".
 */
export async function resolveSession(raw: unknown, now = Date.now()): Promise<CurrentSession | null> {
  const data = parseSessionData(raw);
  const limits = { maxAgeMs: env().SESSION_MAX_AGE };
  if (!data || isExpired(data, limits, now)) return null;
  const user = await findUserById(await db(), data.uid);
  if (!user || user.sessionVersion !== data.ver) return null;
  return { user: toPublicUser(user), data, expiresAt: absoluteExpiry(data, limits) };
}
