import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { expectJson } from "./helpers";

/**
 * Sign-in seals the `sessionVersion` read after the password was verified, so a "sign out everywhere
 * else" from another of the user's sessions that lands while the hash runs cannot make the new session
 * stale on arrival. The hash is made to wait behind others (unknown emails cost one hash each), so the
 * few bumps sent after the sign-in land well inside it.
 */
describe("sign-in against concurrent revocations", () => {
  it("a sign-in during another session's revoke-others is usable, 10 times out of 10", async () => {
    const { client: elsewhere, email } = await signedUpClient();
    for (let round = 0; round < 10; round += 1) {
      const owner = new Client();
      const blockers = Array.from({ length: 4 }, () =>
        new Client().json("POST", "/api/sessions", { email: uniqueEmail("blocker"), password: STRONG_PASSWORD }),
      );
      const signingIn = owner.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
      for (let bump = 0; bump < 3; bump += 1) {
        await expectJson(await elsewhere.json("POST", "/api/sessions/revoke-others"));
      }
      await expectJson(await signingIn);
      await Promise.all(blockers);
      const status = await expectJson<{ user: { email: string } | null }>(await owner.request("/api/sessions"));
      expect(status.user?.email, `round ${round}`).toBe(email);
    }
  });
});
