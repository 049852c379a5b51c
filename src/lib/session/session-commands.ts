import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { keepDevice } from "@/lib/devices/device-store";
import { currentRequestContext } from "@/lib/http/current-request";
import type { ActiveSession } from "./resolve-session";
import { endSession, saveKeptProof, saveSession } from "./session";
import { type SessionExpiries, touch } from "./session-data";
import { sessionLimits } from "./session-limits";
import { bumpSessionVersion, recordKeptSession } from "./session-store";

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
 * The request is activity: the idle window restarts here too (this cookie replaces the proxy's). Its device
 * row moves to the new version with it, so it stays in the device list.
 */
export async function keepThisSession(session: ActiveSession, sessionVersion: number): Promise<void> {
  const database = await db();
  await recordKeptSession(database, session.user.id, session.data.sid, sessionVersion);
  await keepDevice(database, session.user.id, session.data.sid, sessionVersion);
  const kept = touch({ ...session.data, ver: sessionVersion });
  await saveSession(kept);
  await saveKeptProof(kept);
}

/** "Sign out everywhere else" (R17): every other session of the user ends; this one goes on. */
export async function revokeOtherSessions(session: ActiveSession): Promise<void> {
  await keepThisSession(session, await bumpSessionVersion(await db(), session.user.id));
  await audit(
    { event: "sessions_revoked", outcome: "success", userId: session.user.id, detail: "others" },
    await currentRequestContext(),
  );
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function signOutEverywhere(session: ActiveSession): Promise<void> {
  await bumpSessionVersion(await db(), session.user.id);
  await audit(
    { event: "sessions_revoked", outcome: "success", userId: session.user.id, detail: "all" },
    await currentRequestContext(),
  );
  await endSession();
}
