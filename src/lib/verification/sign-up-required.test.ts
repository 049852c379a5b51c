import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/auth-service";
import { hashPool } from "@/lib/auth/hash-pool";
import { db } from "@/lib/db/database";
import { findUserByEmail } from "@/lib/users/user-repository";
import { subjectsInOutbox, tokenInOutbox } from "./outbox-links";

// EMAIL_VERIFICATION=required for this file only (each test file has its own modules, so its own env()).
process.env.EMAIL_VERIFICATION = "required";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
const PASSWORD = "velvet tractor kiwi orbit lantern";
const context = { ip: "198.51.100.9", userAgent: "unit test", requestId: "unit" };
let n = 0;
const email = (): string => `required-${++n}-${Date.now()}@example.com`;

async function hashesDuring(action: () => Promise<unknown>): Promise<number> {
  const before = hashPool().stats().completed;
  await action();
  return hashPool().stats().completed - before;
}

describe("sign-up under EMAIL_VERIFICATION=required (issue 12 §2)", { timeout: 30_000 }, () => {
  it("answers a new and a taken address alike, after the same work: one policy check and one hash each", async () => {
    const taken = email();
    const fresh = email();
    await signUp({ email: taken, password: PASSWORD, name: null }, context);
    let first: unknown;
    let second: unknown;
    const newWork = await hashesDuring(async () => {
      first = await signUp({ email: fresh, password: PASSWORD, name: null }, context);
    });
    const takenWork = await hashesDuring(async () => {
      second = await signUp({ email: taken, password: `${PASSWORD} two`, name: null }, context);
    });
    expect(first).toEqual({ ok: true, kind: "check-email" });
    expect(second).toEqual(first);
    expect([newWork, takenWork]).toEqual([1, 1]);
  });

  it("the new address gets a verification link; the owner of a taken one hears of the attempt, no link", async () => {
    const database = await db();
    const taken = email();
    await signUp({ email: taken, password: PASSWORD, name: null }, context);
    const owner = await findUserByEmail(database, taken);
    await signUp({ email: taken, password: `${PASSWORD} two`, name: "Mallory" }, context);
    expect(await subjectsInOutbox(database, taken)).toEqual([
      expect.stringContaining("Confirm your email"),
      expect.stringContaining("Someone tried to sign up"),
    ]);
    // The first link still works: the attempt issued no new token for the account.
    expect(await tokenInOutbox(database, taken, "/verify-email")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findUserByEmail(database, taken)).toEqual(owner);
  });
});
