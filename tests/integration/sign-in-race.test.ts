import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { expectJson } from "./helpers";

const ROUNDS = 10;

/**
 * Sign-in seals the `sessionVersion` read after the password was verified, so a "sign out everywhere
 * else" from another of the user's sessions that lands while the hash runs cannot make the new session
 * stale on arrival. The sign-in's hash is made to wait behind others (an unknown email costs one hash), so
 * the few revocations sent after it land while it runs. A round where the sign-in answered before the
 * revocations were done proves nothing (one may have landed after it, which rightly ends it): it is run again.
 */
describe("sign-in against concurrent revocations", () => {
  it(`a sign-in during another session's revoke-others is usable, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    const { client: elsewhere, email } = await signedUpClient();
    let rounds = 0;
    for (let attempt = 0; attempt < 3 * ROUNDS && rounds < ROUNDS; attempt += 1) {
      const owner = new Client();
      const blockers = Array.from({ length: 4 }, () =>
        new Client().json("POST", "/api/sessions", { email: uniqueEmail("blocker"), password: STRONG_PASSWORD }),
      );
      let answered = false;
      const signingIn = owner.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
      void signingIn.then(() => {
        answered = true;
      });
      for (let bump = 0; bump < 3; bump += 1) {
        await expectJson(await elsewhere.json("POST", "/api/sessions/revoke-others"));
      }
      const conclusive = !answered;
      await expectJson(await signingIn);
      await Promise.all(blockers);
      if (!conclusive) continue;
      rounds += 1;
      const status = await expectJson<{ user: { email: string } | null }>(await owner.request("/api/sessions"));
      expect(status.user?.email, `round ${rounds}`).toBe(email);
    }
    expect(rounds).toBe(ROUNDS);
  });
});
