import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { audit } from "@/lib/audit/audit-log";
import { db, reader } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import type { ActiveSession } from "@/lib/session/check-session";
import { listPasskeys, saveChallenge, savePasskey, takeChallenge } from "./passkey-store";
import { CHALLENGE_TTL_MS, relyingParty } from "./relying-party";

/** Options for `navigator.credentials.create`: a discoverable credential, its challenge bound to this session. */
export async function registrationOptions(session: ActiveSession): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID, rpName } = relyingParty();
  const existing = await listPasskeys(await reader(), session.user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: session.user.email,
    userID: new TextEncoder().encode(session.user.id),
    userDisplayName: session.user.name ?? session.user.email,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    timeout: CHALLENGE_TTL_MS,
  });
  await saveChallenge(await db(), options.challenge, "register", session.data.sid, Date.now() + CHALLENGE_TTL_MS);
  return options;
}

export type RegisterResult = { ok: true; id: string } | { ok: false; code: "invalid_response" };

/** Verifies the authenticator's answer (challenge single-use, bound to this session, origin and RP id) and stores it. */
export async function registerPasskey(
  session: ActiveSession,
  name: string,
  response: RegistrationResponseJSON,
  context: RequestContext,
): Promise<RegisterResult> {
  const { rpID, origin } = relyingParty();
  const now = Date.now();
  const database = await db();
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: (challenge) => takeChallenge(database, challenge, "register", session.data.sid, now),
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return { ok: false, code: "invalid_response" };
  const { credential } = verified.registrationInfo;
  await savePasskey(database, {
    id: credential.id,
    userId: session.user.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name,
    createdAt: now,
    lastUsedAt: null,
  });
  await audit({ event: "passkey_added", outcome: "success", userId: session.user.id }, context);
  return { ok: true, id: credential.id };
}
