import type { PublicUser } from "@/lib/users/user";
import { toPublicUser } from "@/lib/users/user";
import type { KeptSession } from "@/lib/users/user-repository";
import type { KeptProof } from "./kept-proof";
import { parseSessionData, type SessionData, type SessionLimits, sessionState } from "./session-data";
import { sessionLimits } from "./session-limits";
import { lookupSession } from "./session-lookup";

/**
 * Why there is no usable session: `none` (no cookie, or one we cannot read), `expired` (idle limit),
 * `ended` (absolute limit), `revoked` (signed out, signed out everywhere, password changed) or `removed`
 * (the account no longer exists).
 */
export type SignedOutReason = "none" | "expired" | "ended" | "revoked" | "removed";

export interface ActiveSession {
  status: "active";
  user: PublicUser;
  /** Whether the user's address is verified (issue 12): `EMAIL_VERIFICATION=required` gates on it. */
  emailVerified: boolean;
  data: SessionData;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export type SessionCheck = ActiveSession | { status: "signed-out"; reason: SignedOutReason; data: SessionData | null };

/**
 * The server-side session check (R11, R15): a well-formed seal (R27), inside both limits (R12, R13), not
 * signed out (its `sid` is not recorded as ended), whose user still exists, is not disabled, and has the same
 * `sessionVersion`.
 * At most one query, none when the revocation cache may answer (`session-lookup.ts`). Never writes.
 */
export async function checkSession(
  raw: unknown,
  now = Date.now(),
  limits: SessionLimits = sessionLimits(),
  readProof: () => Promise<KeptProof | null> = async () => null,
): Promise<SessionCheck> {
  const data = parseSessionData(raw);
  if (!data) return { status: "signed-out", reason: "none", data: null };
  const state = sessionState(data, limits, now);
  if (state.status === "expired") {
    return { status: "signed-out", reason: state.reason === "idle" ? "expired" : "ended", data };
  }
  const found = await lookupSession(data.uid, data.sid);
  if (!found) return { status: "signed-out", reason: "removed", data };
  // Disabling bumps the version too; this refuses the seal even so, from the row already read (issue 11).
  if (found.user.disabled) return { status: "signed-out", reason: "revoked", data };
  const current = found.user.sessionVersion;
  // The proof is a second cookie, read only on the rare path where it can matter.
  const proof = data.ver === current - 1 && found.kept?.sid === data.sid ? await readProof() : null;
  const version = acceptedVersion(data, current, found.kept, proof);
  if (found.ended || version === null) return { status: "signed-out", reason: "revoked", data };
  const { idleExpiresAt, absoluteExpiresAt } = state;
  // Upgraded to the current version, so the next cookie this session is sealed into carries it.
  const upgraded = { ...data, ver: version };
  const emailVerified = found.user.emailVerifiedAt !== null;
  const user = toPublicUser(found.user);
  return { status: "active", user, emailVerified, data: upgraded, idleExpiresAt, absoluteExpiresAt };
}

/**
 * The `sessionVersion` a seal stands for, or null when a bump ended it. The session kept through the last
 * bump is also accepted at the version before it: the proxy may have re-sealed that very session (same
 * `sid`, old version) in a request that was in flight during the bump and whose cookie reached the
 * browser after the kept one. Only with the kept-proof cookie that the bump's answer set beside it, though:
 * a copy of the cookie taken before the bump has no proof and dies with the bump (README, "Revocation").
 */
export function acceptedVersion(
  data: SessionData,
  current: number,
  kept: KeptSession | null,
  proof: KeptProof | null,
): number | null {
  if (data.ver === current) return current;
  const isKept = kept !== null && kept.version === current && kept.sid === data.sid && data.ver === current - 1;
  const proven = proof !== null && proof.sid === data.sid && proof.ver === current;
  return isKept && proven ? current : null;
}
