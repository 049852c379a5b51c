import type { SessionExpiries } from "@/lib/session/session-data";

/** The server's view of when the session ends (`GET /api/sessions`, the refresh endpoint). */
export type Expiries = SessionExpiries;

/** The server's reasons for "no session"; `none` means no readable cookie came, so it cannot say why. */
export type NoSessionReason = "none" | "expired" | "ended" | "revoked" | "removed";

export type StatusResult = { active: true; expiries: Expiries } | { active: false; reason: NoSessionReason };

function noSessionReason(reason: unknown): NoSessionReason {
  if (reason === "expired" || reason === "ended" || reason === "revoked" || reason === "removed") return reason;
  return "none";
}

function isExpiries(body: unknown): body is Expiries {
  if (typeof body !== "object" || body === null) return false;
  const { idleExpiresAt, absoluteExpiresAt, serverNow } = body as Record<string, unknown>;
  return [idleExpiresAt, absoluteExpiresAt, serverNow].every((value) => typeof value === "number");
}

/**
 * Any answer other than "here is your session" or "there is none" (a 5xx, a 429, a proxy's HTML page, no
 * network) says nothing about the session: keep counting, try later.
 */
export class StatusUnavailableError extends Error {}

async function readStatus(response: Response): Promise<StatusResult> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isExpiries(body)) return { active: true, expiries: body };
  const fields =
    (body as { user?: unknown; reason?: unknown; error?: { code?: unknown; reason?: unknown } } | null) ?? {};
  if (response.ok && fields.user === null) return { active: false, reason: noSessionReason(fields.reason) };
  if (response.status === 401 && fields.error?.code === "unauthorized") {
    return { active: false, reason: noSessionReason(fields.error.reason) };
  }
  throw new StatusUnavailableError(`status ${response.status}`);
}

/** A status read: never extends the session. */
export async function fetchStatus(): Promise<StatusResult> {
  return readStatus(await fetch("/api/sessions", { cache: "no-store" }));
}

/** "Stay signed in". */
export async function refreshSession(): Promise<StatusResult> {
  return readStatus(
    await fetch("/api/sessions/refresh", { method: "POST", headers: { "content-type": "application/json" } }),
  );
}

/** Signs out; false when the server could not confirm it (the page then stays, so the person can retry). */
export async function signOut(): Promise<boolean> {
  const response = await fetch("/api/logout", { method: "POST", headers: { "content-type": "application/json" } });
  return response.ok;
}

/** Ends the session on the server too when the page sees it expire, so both sides agree whatever the clocks. */
export async function endExpiredSession(): Promise<void> {
  await fetch("/api/sessions", { method: "DELETE", headers: { "content-type": "application/json" } }).catch(
    () => undefined,
  );
}
