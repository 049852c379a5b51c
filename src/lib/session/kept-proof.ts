import { type SessionOptions, sealData, unsealData } from "iron-session";
import { z } from "zod";
import { env } from "@/lib/config/env";
import type { SessionData } from "./session-data";
import { sealOptions } from "./session-options";

/**
 * The proof that this browser is the one that kept its session through a `sessionVersion` bump ("sign out
 * everywhere else", a password change). The bump's answer sets it next to the new session cookie; a proxy
 * re-seal in flight during the bump may then overwrite the session cookie with the previous version, but it
 * never touches this one. A seal of the kept session at the previous version is accepted only with this
 * proof beside it, so a copy of the cookie taken before the bump (a thief's) dies with the bump (R15, R17).
 */
export const KeptProofSchema = z.object({ sid: z.string().min(16).max(64), ver: z.number().int().nonnegative() });

export type KeptProof = z.infer<typeof KeptProofSchema>;

export const DEV_KEPT_COOKIE_NAME = "iron-gate-kept";
export const PRODUCTION_KEPT_COOKIE_NAME = "__Host-iron-gate-kept";

export function keptCookieName(): string {
  return env().NODE_ENV === "production" ? PRODUCTION_KEPT_COOKIE_NAME : DEV_KEPT_COOKIE_NAME;
}

/** The cookie that proves `data` (already at its new version) was kept; it lives as long as the session. */
export async function keptProofCookie(
  data: SessionData,
): Promise<{ name: string; value: string; options: NonNullable<SessionOptions["cookieOptions"]> }> {
  const { ttl, cookieOptions = {} } = sealOptions(data);
  const value = await sealData({ sid: data.sid, ver: data.ver }, { password: env().sessionSecrets.passwords, ttl });
  return { name: keptCookieName(), value, options: cookieOptions };
}

/** The proof a request carries, or null: a missing, unreadable or malformed one proves nothing. */
export async function readKeptProof(seal: string | undefined): Promise<KeptProof | null> {
  if (!seal) return null;
  const raw = await unsealData(seal, { password: env().sessionSecrets.passwords }).catch(() => null);
  const parsed = KeptProofSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
