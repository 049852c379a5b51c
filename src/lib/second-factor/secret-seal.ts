import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/config/env";
import { sealPasswordId } from "@/lib/config/session-secrets";

/**
 * The TOTP secret at rest: sealed (AES-256-CBC + HMAC, iron-session's `sealData`) with the session secrets,
 * so a database dump alone does not give the codes away. `ttl: 0`: it never expires. Rotation keeps working
 * while the old secret stays listed in `SESSION_SECRETS`; each successful use re-seals with the current one.
 */
export async function sealTotpSecret(secret: string): Promise<string> {
  return sealData({ totp: secret }, { password: env().sessionSecrets.passwords, ttl: 0 });
}

/** The secret, or null when the seal cannot be opened (its session secret was removed from the list). */
export async function openTotpSecret(sealed: string): Promise<string | null> {
  const data = await unsealData<{ totp?: unknown }>(sealed, { password: env().sessionSecrets.passwords, ttl: 0 });
  return typeof data.totp === "string" ? data.totp : null;
}

/** Whether the seal was made with a session secret other than the current one. */
export function sealedWithOldSecret(sealed: string): boolean {
  return sealPasswordId(sealed) !== env().sessionSecrets.currentId;
}
