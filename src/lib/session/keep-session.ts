import { db } from "@/lib/db/database";
import { keepDevice } from "@/lib/devices/device-store";
import { saveKeptProof, saveSession } from "./app-cookies";
import type { ActiveSession } from "./check-session";
import { type SessionExpiries, touch } from "./session-data";
import { sessionLimits } from "./session-limits";
import { recordKeptSession } from "./session-store";

/** "Stay signed in": restarts the idle window now; the absolute limit stays where it was (R13). */
export async function extendSession(session: ActiveSession, now = Date.now()): Promise<SessionExpiries> {
  const data = touch(session.data, now);
  await saveSession(data);
  return {
    idleExpiresAt: Math.min(now + sessionLimits().idleMs, session.absoluteExpiresAt),
    absoluteExpiresAt: session.absoluteExpiresAt,
    serverNow: now,
  };
}

/**
 * Re-seals this session with the user's new `sessionVersion`, so it survives a bump that ends all others.
 * The request is activity: the idle window restarts here too (this cookie replaces the proxy's).
 */
export async function keepThisSession(session: ActiveSession, sessionVersion: number): Promise<void> {
  const database = await db();
  await recordKeptSession(database, session.user.id, session.data.sid, sessionVersion);
  // Its device row moves to the new version with it, so it stays in the device list.
  await keepDevice(database, session.user.id, session.data.sid, sessionVersion);
  const kept = touch({ ...session.data, ver: sessionVersion });
  await saveSession(kept);
  await saveKeptProof(kept);
}
