import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
import { audit } from "@/lib/audit/audit-log";
import type { Throttled } from "@/lib/auth/auth-service";
import { db, reader } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt } from "@/lib/throttle/throttle-store";
import type { UserRecord } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import { findPasskey, recordPasskeyUse, saveChallenge, takeChallenge } from "./passkey-store";
import { CHALLENGE_TTL_MS, relyingParty } from "./relying-party";

/** Options for `navigator.credentials.get` with no email asked: any discoverable passkey of this site. */
export async function signInOptions(nonce: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await saveChallenge(await db(), options.challenge, "sign-in", nonce, Date.now() + CHALLENGE_TTL_MS);
  return options;
}

export type PasskeySignInResult = { ok: true; user: UserRecord } | { ok: false; code: "invalid_response" } | Throttled;

/**
 * A passkey sign-in: throttled per address, the challenge used once (bound to this browser's nonce cookie),
 * origin and RP id from `APP_ORIGIN`, the signature counter checked by the library and recorded under a
 * compare-and-set. The passkey must belong to the user its `userHandle` names.
 */
export async function signInWithPasskey(
  nonce: string,
  response: AuthenticationResponseJSON,
  context: RequestContext,
): Promise<PasskeySignInResult> {
  const admitted = await admitAttempt(await db(), { ip: context.ip }, throttlePolicy());
  if (!admitted.ok) return { ok: false, code: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
  const passkey = await findPasskey(await reader(), response.id);
  const handle = response.response.userHandle;
  const owner = handle ? Buffer.from(handle, "base64url").toString("utf8") : passkey?.userId;
  if (!passkey || owner !== passkey.userId) return refuse(context, null, "unknown passkey");
  const { rpID, origin } = relyingParty();
  const now = Date.now();
  const database = await db();
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: (challenge) => takeChallenge(database, challenge, "sign-in", nonce, now),
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
      counter: passkey.counter,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return refuse(context, passkey.userId, "passkey refused");
  const used = await recordPasskeyUse(
    database,
    passkey.id,
    passkey.counter,
    verified.authenticationInfo.newCounter,
    now,
  );
  const user = used ? await findUserById(database, passkey.userId) : null;
  if (!user) return refuse(context, passkey.userId, "passkey counter raced");
  await audit({ event: "sign_in", outcome: "success", userId: user.id, detail: "with a passkey" }, context);
  return { ok: true, user };
}

async function refuse(context: RequestContext, userId: string | null, detail: string): Promise<PasskeySignInResult> {
  await audit({ event: "sign_in_failed", outcome: "failure", userId, detail }, context);
  return { ok: false, code: "invalid_response" };
}
