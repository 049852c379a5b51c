import { auditLater } from "@/lib/audit/audit-queue";
import { noteActivity } from "@/lib/devices/record-activity";
import { currentRequestContext } from "@/lib/http/current-request";
import { readKeptProofCookie, readSessionPayload } from "./app-cookies";
import { checkSession, type SessionCheck } from "./check-session";

/**
 * The session check of the request being served, with its audit trail: a session seen past one of its
 * limits is recorded once as `session_expired` (the event id is derived from the session id), off the request;
 * an active one's activity reaches its device row every few minutes (`record-activity.ts`).
 */
export async function checkAppRouterSession(now = Date.now()): Promise<SessionCheck> {
  const check = await checkSession(await readSessionPayload(), now, undefined, readKeptProofCookie);
  if (check.status === "active") noteActivity(check.data);
  if (check.status === "signed-out" && check.data && (check.reason === "expired" || check.reason === "ended")) {
    const { sid, uid } = check.data;
    // Queued, not awaited: a status read must never wait behind a write lock (the row is idempotent).
    auditLater(
      { id: `expired:${sid}`, event: "session_expired", outcome: "success", userId: uid, detail: check.reason },
      await currentRequestContext(),
      now,
    );
  }
  return check;
}
