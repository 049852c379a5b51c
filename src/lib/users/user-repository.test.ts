import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { createUser, findUserById, replacePasswordHash } from "./user-repository";

async function newUser(): Promise<{ id: string; passwordHash: string; sessionVersion: number }> {
  const email = `repo-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await createUser(await db(), { email, name: null, passwordHash: "hash-0" });
  if (!created.ok) throw new Error("could not create the user");
  return created.user;
}

describe("replacePasswordHash: compare-and-swap in one statement", () => {
  it("of two writers that verified the same hash, exactly one wins", async () => {
    const user = await newUser();
    const database = await db();
    const [first, second] = await Promise.all([
      replacePasswordHash(database, { id: user.id, expected: "hash-0", next: "hash-a", endSessions: true }),
      replacePasswordHash(database, { id: user.id, expected: "hash-0", next: "hash-b", endSessions: true }),
    ]);
    expect([first, second].filter((version) => version === null)).toHaveLength(1);
    const stored = await findUserById(database, user.id);
    expect(stored?.passwordHash).toBe(first === null ? "hash-b" : "hash-a");
    expect(stored?.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("an upgrade of the same password keeps the sessions; a stale one writes nothing", async () => {
    const user = await newUser();
    const database = await db();
    const upgrade = { id: user.id, expected: "hash-0", next: "hash-0-stronger", endSessions: false };
    expect(await replacePasswordHash(database, upgrade)).toBe(user.sessionVersion);
    expect(await replacePasswordHash(database, upgrade)).toBeNull();
    expect(await findUserById(database, user.id)).toMatchObject({
      passwordHash: "hash-0-stronger",
      sessionVersion: user.sessionVersion,
    });
  });
});
