import { getIronSession, type IronSession, type UnsealErrorReason } from "iron-session";
import { cookies } from "next/headers";
import { oncePerMinuteId } from "@/lib/audit/audit-log";
import { auditLater } from "@/lib/audit/audit-queue";
import { env } from "@/lib/config/env";
import { currentRequestContext } from "@/lib/http/current-request";
import type { UserRecord } from "@/lib/users/user";
import { type KeptProof, keptCookieName, keptProofCookie, readKeptProof } from "./kept-proof";
import { newSessionData, type SessionData } from "./session-data";
import { onUnsealError, sealOptions, sessionCookieName, sessionOptions } from "./session-options";
import { endIronSession, recordSignOut } from "./sign-out";
import { unsealCached } from "./unseal-cache";

/** The App Router session (route handlers, server actions, server components) from `cookies()`, for writing. */
async function appSession(): Promise<IronSession<SessionData>> {
  return getIronSession<SessionData>(await cookies(), { ...sessionOptions(), onUnsealError: auditUnsealError });
}

/** A cookie that cannot be read is counted and logged; a forged or foreign one also goes to the audit log. */
function auditUnsealError(reason: UnsealErrorReason): void {
  onUnsealError(reason);
  if (reason === "expired") return;
  void currentRequestContext()
    .then((context) =>
      auditLater(
        {
          id: oncePerMinuteId("cookie_rejected", context),
          event: "cookie_rejected",
          outcome: "blocked",
          detail: reason,
        },
        context,
      ),
    )
    .catch(() => undefined);
}

function payload(session: Partial<SessionData>): Partial<SessionData> {
  const { sid, uid, ver, authenticatedAt, lastSeenAt, confirmedAt } = session;
  return { sid, uid, ver, authenticatedAt, lastSeenAt, confirmedAt };
}

/**
 * The raw, unchecked session payload; `resolveSession` decides whether it is valid. Never writes. Reads go
 * through the unseal cache: the hot path of every protected request.
 */
export async function readSessionPayload(): Promise<Partial<SessionData>> {
  const seal = (await cookies()).get(sessionCookieName())?.value;
  if (!seal) return {};
  return payload(await unsealCached(seal, env().sessionSecrets.passwords, auditUnsealError));
}

/** The kept-proof cookie this request carries, read and checked (see `kept-proof.ts`). */
export async function readKeptProofCookie(): Promise<KeptProof | null> {
  return readKeptProof((await cookies()).get(keptCookieName())?.value);
}

/** Sets the kept-proof cookie beside `data`, the session just kept through a bump at its new version. */
export async function saveKeptProof(data: SessionData): Promise<void> {
  const { name, value, options } = await keptProofCookie(data);
  (await cookies()).set(name, value, options);
}

/** Seals `data` into the cookie, with a lifetime that never outlives the session. */
export async function saveSession(data: SessionData): Promise<void> {
  const session = await appSession();
  session.updateConfig(sealOptions(data));
  Object.assign(session, data);
  await session.save();
}

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

/** Signs this browser's session out (see `endIronSession`). */
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
