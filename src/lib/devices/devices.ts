import { audit } from "@/lib/audit/audit-log";
import { db, reader } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import type { ActiveSession } from "@/lib/session/check-session";
import { type Amr, AmrSchema } from "@/lib/session/session-data";
import { sessionLimits } from "@/lib/session/session-limits";
import { recordEndedSession } from "@/lib/session/session-store";
import { type DeviceRow, liveDevices } from "./device-store";
import { isPublicSessionId, publicSessionId } from "./public-id";

const AMR_VALUES: ReadonlySet<string> = new Set(AmrSchema.options);

/** One entry of `GET /api/account/sessions` and of the account page's device list. */
export interface DeviceView {
  id: string;
  createdAt: number;
  lastActiveAt: number;
  device: string;
  ipAddress: string | null;
  current: boolean;
  /** How it was signed in (issue 13): `["pwd"]`, `["pwd", "otp"]`, `["hwk"]`…; older rows say `["pwd"]`. */
  amr: Amr[];
}

export type EndDeviceResult = { ok: true; current: boolean; device: string } | { ok: false; reason: "not_found" };

function toView(row: DeviceRow, session: ActiveSession): DeviceView {
  const current = row.sid === session.data.sid;
  // This device is active right now, whatever the stored value says.
  const lastActiveAt = current ? Math.max(row.lastActiveAt, session.data.lastSeenAt) : row.lastActiveAt;
  const { createdAt, device, ipAddress } = row;
  const amr = (row.amr ?? "pwd").split(" ").filter((method): method is Amr => AMR_VALUES.has(method));
  return { id: publicSessionId(row.sid), createdAt, lastActiveAt, device, ipAddress, current, amr };
}

/** The signed-in user's live sessions, newest first. Only ever this user's: the query is keyed by the session. */
export async function listDevices(session: ActiveSession, now = Date.now()): Promise<DeviceView[]> {
  const rows = await liveDevices(await reader(), session.user.id, now, sessionLimits());
  return rows.map((row) => toView(row, session));
}

/**
 * Signs one of the user's live sessions out: its `sid` is recorded as ended (the revocation every instance
 * checks, R15) and its row goes, in one transaction. An id that is not one of this user's live sessions (a
 * made-up one, an ended one, another user's) is `not_found`, all alike. Audited with the device it named.
 */
export async function endDevice(
  session: ActiveSession,
  id: string,
  context: RequestContext,
  now = Date.now(),
): Promise<EndDeviceResult> {
  if (!isPublicSessionId(id)) return { ok: false, reason: "not_found" };
  const userId = session.user.id;
  const ended = await transaction(await db(), async (trx) => {
    const rows = await liveDevices(trx, userId, now, sessionLimits());
    const row = rows.find((candidate) => publicSessionId(candidate.sid) === id);
    if (!row) return null;
    await recordEndedSession(trx, row.sid, userId, row.expiresAt);
    return row;
  });
  if (!ended) return { ok: false, reason: "not_found" };
  const current = ended.sid === session.data.sid;
  await audit(
    { id: `device:${ended.sid}`, event: "device_signed_out", outcome: "success", userId, detail: ended.device },
    context,
  );
  return { ok: true, current, device: ended.device };
}
