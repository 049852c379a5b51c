import type { IronSession } from "iron-session";
import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { purgeDevicesHourly } from "@/lib/devices/device-store";
import { json } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import type { RequestContext } from "@/lib/http/request-context";
import { appSession } from "./app-cookies";
import type { ActiveSession } from "./check-session";
import { keepThisSession } from "./keep-session";
import { absoluteExpiry, parseSessionData, type SessionData } from "./session-data";
import { sessionLimits } from "./session-limits";
import { bumpSessionVersion, purgeEndedSessions, recordEndedSession } from "./session-store";

/**
 * Every sign-out lives here: this browser's (`endSession`, `endIronSession`, `signOutHandler`; after the
 * account's deletion `clearSessionCookie`), every other
 * session of the user (`revokeOtherSessions`) and all of them (`signOutEverywhere`).
 */

/**
 * The server half of every sign-out, whatever the framework: the session id is recorded as ended until
 * its absolute limit, so a copied cookie is dead from now on (R15), and expired records are purged.
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

/** Signs this browser's App Router session out (see `endIronSession`). */
export async function endSession(): Promise<void> {
  await endIronSession(await appSession(), await currentRequestContext());
}

/**
 * Clears this browser's cookie without recording a sign-out: for a session whose account was just deleted.
 * It ended with the user row (R16), and a sign-out record would leave an audit row naming the deleted user.
 */
export async function clearSessionCookie(): Promise<void> {
  (await appSession()).destroy();
}

/** The answer to every sign-out: the cookie is already cleared; cached pages of this site go too (R18). */
export function signedOutResponse(): Response {
  return json({ ok: true }, { headers: { "Clear-Site-Data": '"cache"' } });
}

/** `DELETE /api/sessions` and the tutorial's `POST /api/logout`. */
export const signOutHandler = apiRoute(async () => {
  await endSession();
  return signedOutResponse();
});

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
