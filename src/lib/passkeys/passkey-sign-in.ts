import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { audit } from "@/lib/audit/audit-log";
import type { Throttled } from "@/lib/auth/throttled";
import { db, reader } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt } from "@/lib/throttle/throttle-store";
import type { UserRecord } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import { checkAssertion } from "./passkey-assertion";
import { type ChallengePurpose, listPasskeys, saveChallenge } from "./passkey-store";
import { CHALLENGE_TTL_MS, relyingParty } from "./relying-party";

/**
 * Options for `navigator.credentials.get`. Without `userId`: any discoverable passkey of this site (no email
 * asked); with it (the second step of a password sign-in): only that user's passkeys.
 */
export async function passkeyOptions(
  purpose: ChallengePurpose,
  binding: string,
  userId?: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { rpID } = relyingParty();
  const allowCredentials = userId
    ? (await listPasskeys(await reader(), userId)).map((passkey) => ({ id: passkey.id }))
    : undefined;
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
    ...(allowCredentials ? { allowCredentials } : {}),
  });
  await saveChallenge(await db(), options.challenge, purpose, binding, Date.now() + CHALLENGE_TTL_MS);
  return options;
}

export type PasskeySignInResult = { ok: true; user: UserRecord } | { ok: false; code: "invalid_response" } | Throttled;

/** A passkey sign-in, throttled per address; the challenge is bound to this browser's nonce cookie. */
export async function signInWithPasskey(
  nonce: string,
  response: AuthenticationResponseJSON,
  context: RequestContext,
): Promise<PasskeySignInResult> {
  const admitted = await admitAttempt(await db(), { ip: context.ip }, throttlePolicy());
  if (!admitted.ok) return { ok: false, code: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
  const check = await checkAssertion(response, "sign-in", nonce);
  const user = check.ok ? await findUserById(await db(), check.userId) : null;
  if (!check.ok || !user) {
    const detail = check.ok ? "account removed" : check.detail;
    await audit({ event: "sign_in_failed", outcome: "failure", userId: check.userId, detail }, context);
    return { ok: false, code: "invalid_response" };
  }
  await audit({ event: "sign_in", outcome: "success", userId: user.id, detail: "with a passkey" }, context);
  return { ok: true, user };
}
