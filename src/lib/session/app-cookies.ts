import { getIronSession, type IronSession, type UnsealErrorReason } from "iron-session";
import { cookies } from "next/headers";
import { auditLater } from "@/lib/audit/audit-queue";
import { oncePerMinuteId } from "@/lib/audit/event-ids";
import { env } from "@/lib/config/env";
import { currentRequestContext } from "@/lib/http/current-request";
import { type KeptProof, keptCookieName, keptProofCookie, readKeptProof } from "./kept-proof";
import type { SessionData } from "./session-data";
import { onUnsealError, sealOptions, sessionCookieName, sessionOptions } from "./session-options";
import { unsealCached } from "./unseal-cache";

/**
 * The App Router's cookies (route handlers, server actions, server components): the session seal and the
 * kept proof, read and written through `cookies()`.
 */

/** The App Router session from `cookies()`, for writing. */
export async function appSession(): Promise<IronSession<SessionData>> {
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
  const { sid, uid, ver, authenticatedAt, lastSeenAt, confirmedAt, amr } = session;
  return { sid, uid, ver, authenticatedAt, lastSeenAt, confirmedAt, amr };
}

/**
 * The raw, unchecked session payload; `checkPageSession` decides whether it is valid. Never writes. Reads go
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
