import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { db, reader } from "@/lib/db/database";
import { type ChallengePurpose, findPasskey, recordPasskeyUse, takeChallenge } from "./passkey-store";
import { relyingParty } from "./relying-party";

export type AssertionCheck = { ok: true; userId: string } | { ok: false; userId: string | null; detail: string };

/**
 * Checks a passkey's signed answer: a known passkey whose `userHandle` (if sent) names its owner, the
 * challenge used once for `purpose` and `binding` before it expired, origin and RP id from `APP_ORIGIN`, the
 * signature counter checked by the library and recorded under a compare-and-set.
 */
export async function checkAssertion(
  response: AuthenticationResponseJSON,
  purpose: ChallengePurpose,
  binding: string,
  now = Date.now(),
): Promise<AssertionCheck> {
  const passkey = await findPasskey(await reader(), response.id);
  const handle = response.response.userHandle;
  const owner = handle ? Buffer.from(handle, "base64url").toString("utf8") : passkey?.userId;
  if (!passkey || owner !== passkey.userId) return { ok: false, userId: null, detail: "unknown passkey" };
  const { rpID, origin } = relyingParty();
  const database = await db();
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: (challenge) => takeChallenge(database, challenge, purpose, binding, now),
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
      counter: passkey.counter,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return { ok: false, userId: passkey.userId, detail: "passkey refused" };
  const next = verified.authenticationInfo.newCounter;
  if (!(await recordPasskeyUse(database, passkey.id, passkey.counter, next, now))) {
    return { ok: false, userId: passkey.userId, detail: "passkey counter raced" };
  }
  return { ok: true, userId: passkey.userId };
}
