import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";

const PAIRS = 5;

async function signInStatus(email: string, password: string): Promise<number> {
  return (await new Client().json("POST", "/api/sessions", { email, password })).status;
}

/**
 * Two password changes from one session at once: the database decides (the write insists the stored hash is
 * still the one verified), so exactly one wins and the other is refused, 409 or on its now wrong current
 * password; only the winner's new password signs in.
 */
describe("concurrent password changes", () => {
  it(`of ${PAIRS} concurrent pairs, exactly one change per pair wins`, async () => {
    await Promise.all(
      Array.from({ length: PAIRS }, async (_, pair) => {
        const { client, email } = await signedUpClient();
        const candidates = [`marble harbor violin cactus ${pair}`, `orchid glacier saffron umbrella ${pair}`];
        const responses = await Promise.all(
          candidates.map((newPassword) =>
            client.json("POST", "/api/account/password", { currentPassword: STRONG_PASSWORD, newPassword }),
          ),
        );
        const statuses = responses.map((response) => response.status);
        expect(
          statuses.filter((status) => status === 200),
          `pair ${pair}: ${statuses}`,
        ).toHaveLength(1);
        const loser = responses.find((response) => response.status !== 200);
        expect([400, 401, 409], `pair ${pair}: ${statuses}`).toContain(loser?.status);
        const winner = candidates[statuses.indexOf(200)] ?? "";
        const other = candidates[statuses.indexOf(200) === 0 ? 1 : 0] ?? "";
        expect(await signInStatus(email, winner)).toBe(200);
        expect(await signInStatus(email, other)).toBe(401);
        expect(await signInStatus(email, STRONG_PASSWORD)).toBe(401);
      }),
    );
  });
});
