import { db } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteExpiry, amrOf, type SessionData } from "@/lib/session/session-data";
import { sessionLimits } from "@/lib/session/session-limits";
import { recordDevice } from "./device-store";
import { deviceSummary } from "./device-summary";
import { rememberActivity } from "./record-activity";

/**
 * Every sign-in (and sign-up) records its device before its cookie is set: the new seal's id, the client's
 * address (R41's, as the audit log has it), a readable device summary; and the user's last sign-in, in the
 * same transaction. When this fails the sign-in fails (503) and no cookie is set.
 */
export async function recordSignIn(data: SessionData, context: RequestContext): Promise<void> {
  await transaction(await db(), async (trx) => {
    await recordDevice(trx, {
      sid: data.sid,
      userId: data.uid,
      createdAt: data.authenticatedAt,
      expiresAt: absoluteExpiry(data, sessionLimits()),
      ipAddress: context.ip,
      device: deviceSummary(context.userAgent),
      sessionVersion: data.ver,
      amr: amrOf(data).join(" "),
    });
    await trx.updateTable("users").set({ lastSignInAt: data.authenticatedAt }).where("id", "=", data.uid).execute();
  });
  rememberActivity(data);
}
