import { reader } from "@/lib/db/database";
import type { PublicUser } from "@/lib/users/user";
import { toPublicUser } from "@/lib/users/user";
import { findUserForSession } from "@/lib/users/user-repository";
import { parseSessionData, type SessionData, type SessionLimits, sessionState } from "./session-data";
import { sessionLimits } from "./session-limits";

/**
 * Why there is no usable session: `none` (no cookie, or one we cannot read), `expired` (idle limit),
 * `ended` (absolute limit) or `revoked` (signed out, signed out everywhere, password changed, user removed).
 */
export type SignedOutReason = "none" | "expired" | "ended" | "revoked";

export interface ActiveSession {
  status: "active";
  user: PublicUser;
  data: SessionData;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export type SessionCheck = ActiveSession | { status: "signed-out"; reason: SignedOutReason; data: SessionData | null };

/**
 * The server-side session check (R11, R15): a well-formed seal (R27), inside both limits (R12, R13), not
 * signed out (its `sid` is not recorded as ended), whose user still exists with the same `sessionVersion`.
 * One query. Never writes.
 */
export async function resolveSession(
  raw: unknown,
  now = Date.now(),
  limits: SessionLimits = sessionLimits(),
): Promise<SessionCheck> {
  const data = parseSessionData(raw);
  if (!data) return { status: "signed-out", reason: "none", data: null };
  const state = sessionState(data, limits, now);
  if (state.status === "expired") {
    return { status: "signed-out", reason: state.reason === "idle" ? "expired" : "ended", data };
  }
  const found = await findUserForSession(await reader(), data.uid, data.sid);
  if (!found || found.ended || found.user.sessionVersion !== data.ver) {
    return { status: "signed-out", reason: "revoked", data };
  }
  const { idleExpiresAt, absoluteExpiresAt } = state;
  return { status: "active", user: toPublicUser(found.user), data, idleExpiresAt, absoluteExpiresAt };
}
