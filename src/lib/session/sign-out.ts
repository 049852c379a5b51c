import type { IronSession } from "iron-session";
import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { purgeDevicesHourly } from "@/lib/devices/device-store";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteExpiry, parseSessionData, type SessionData } from "./session-data";
import { sessionLimits } from "./session-limits";
import { purgeEndedSessions, recordEndedSession } from "./session-store";

/**
 * The server half of every sign-out, whatever the framework: the session id is recorded as ended until
 * its absolute limit, so a copied cookie is dead from now on (R15), and expired records (and the device rows
 * of dead sessions) are purged.
 */
export async function recordSignOut(raw: unknown, context: RequestContext, now = Date.now()): Promise<void> {
  const data = parseSessionData(raw);
  if (!data) return;
  const database = await db();
  await recordEndedSession(database, data.sid, data.uid, absoluteExpiry(data, sessionLimits()));
  await purgeEndedSessions(database, now);
  await purgeDevicesHourly(database, now, sessionLimits());
  // One row per session, however often a copy of its cookie is replayed at a sign-out endpoint.
  await audit({ id: `sign_out:${data.sid}`, event: "sign_out", outcome: "success", userId: data.uid }, context);
}

/**
 * Signs an iron session out, App Router or Pages Router alike: the cookie is cleared first (R18), so this
 * browser is signed out even if the database cannot answer; then the session id is recorded as ended (R15).
 * If that fails the caller answers 503, with the cookie already cleared.
 */
export async function endIronSession(session: IronSession<SessionData>, context: RequestContext): Promise<void> {
  const ending = { ...session };
  session.destroy();
  await recordSignOut(ending, context);
}
