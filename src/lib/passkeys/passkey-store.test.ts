import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { createUser } from "@/lib/users/user-repository";
import {
  findPasskey,
  listPasskeys,
  recordPasskeyUse,
  removePasskey,
  saveChallenge,
  savePasskey,
  takeChallenge,
} from "./passkey-store";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
async function newUser(): Promise<string> {
  const email = `passkey-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await createUser(await db(), { email, name: null, passwordHash: "x" });
  if (!created.ok) throw new Error("could not create the user");
  return created.user.id;
}

const passkey = (id: string, userId: string) => ({
  id,
  userId,
  publicKey: "pk",
  counter: 0,
  transports: ["internal"],
  name: "Laptop",
  createdAt: 1,
  lastUsedAt: null,
});

describe("passkey store", () => {
  it("only the owner removes a passkey", async () => {
    const database = await db();
    const [owner, other] = [await newUser(), await newUser()];
    const id = `cred-${owner}`;
    await savePasskey(database, passkey(id, owner));
    expect(await removePasskey(database, other, id)).toBe(false);
    expect(await listPasskeys(database, owner)).toHaveLength(1);
    expect(await removePasskey(database, owner, id)).toBe(true);
    expect(await findPasskey(database, id)).toBeNull();
  });

  it("a use records the counter only if it is still the one verified against", async () => {
    const database = await db();
    const owner = await newUser();
    const id = `cred2-${owner}`;
    await savePasskey(database, passkey(id, owner));
    const both = await Promise.all([recordPasskeyUse(database, id, 0, 1, 5), recordPasskeyUse(database, id, 0, 1, 5)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await findPasskey(database, id)).toMatchObject({ counter: 1, lastUsedAt: 5, transports: ["internal"] });
  });

  it("a challenge is used once, for its purpose and binding, before it expires", async () => {
    const database = await db();
    const now = Date.now();
    const challenge = `ch-${now}-${Math.random()}`;
    await saveChallenge(database, challenge, "sign-in", "nonce-a", now + 300_000);
    expect(await takeChallenge(database, challenge, "register", "nonce-a", now)).toBe(false);
    expect(await takeChallenge(database, challenge, "sign-in", "nonce-b", now)).toBe(false);
    const both = await Promise.all([
      takeChallenge(database, challenge, "sign-in", "nonce-a", now),
      takeChallenge(database, challenge, "sign-in", "nonce-a", now),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const late = `late-${challenge}`;
    await saveChallenge(database, late, "sign-in", "nonce-a", now + 300_000);
    expect(await takeChallenge(database, late, "sign-in", "nonce-a", now + 300_001)).toBe(false);
  });
});
