import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { createUser } from "@/lib/users/user-repository";
import {
  endPending,
  findTotp,
  hasSecondFactor,
  removeSecondFactor,
  replaceRecoveryCodes,
  startTotpEnrolment,
  unusedRecoveryCodes,
  useRecoveryCode,
  useTotpStep,
} from "./second-factor-store";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
async function newUser(): Promise<string> {
  const email = `factor-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await createUser(await db(), { email, name: null, passwordHash: "x" });
  if (!created.ok) throw new Error("could not create the user");
  return created.user.id;
}

describe("second-factor store", () => {
  it("an enrolment is off until a first step enables it; then it cannot be restarted", async () => {
    const database = await db();
    const id = await newUser();
    expect(await startTotpEnrolment(database, id, "sealed-1", 1)).toBe(true);
    expect(await startTotpEnrolment(database, id, "sealed-2", 2)).toBe(true);
    expect(await findTotp(database, id)).toEqual({ secretSealed: "sealed-2", enabled: false, lastUsedStep: null });
    expect(await hasSecondFactor(database, id)).toBe(false);
    // Not enabled yet: a sign-in step cannot be used against it.
    expect(await useTotpStep(database, id, 100, { enable: false, now: 3 })).toBe(false);
    expect(await useTotpStep(database, id, 100, { enable: true, now: 3 })).toBe(true);
    expect(await hasSecondFactor(database, id)).toBe(true);
    expect(await startTotpEnrolment(database, id, "sealed-3", 4)).toBe(false);
    expect((await findTotp(database, id))?.secretSealed).toBe("sealed-2");
  });

  it("a step is used once: of two concurrent uses of the same step exactly one wins; an older step never", async () => {
    const database = await db();
    const id = await newUser();
    await startTotpEnrolment(database, id, "sealed", 1);
    await useTotpStep(database, id, 100, { enable: true, now: 1 });
    const both = await Promise.all([
      useTotpStep(database, id, 101, { enable: false, now: 2 }),
      useTotpStep(database, id, 101, { enable: false, now: 2 }),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await useTotpStep(database, id, 100, { enable: false, now: 3 })).toBe(false);
    expect((await findTotp(database, id))?.lastUsedStep).toBe(101);
  });

  it("a recovery code works once, only for its owner; removing the factor removes the codes", async () => {
    const database = await db();
    const id = await newUser();
    const other = await newUser();
    await startTotpEnrolment(database, id, "sealed", 1);
    await useTotpStep(database, id, 1, { enable: true, now: 1 });
    const hash = `h-${id}`;
    await replaceRecoveryCodes(database, id, [hash, `${hash}-2`], 1);
    expect(await unusedRecoveryCodes(database, id)).toBe(2);
    expect(await useRecoveryCode(database, other, hash, 2)).toBe(false);
    const both = await Promise.all([useRecoveryCode(database, id, hash, 2), useRecoveryCode(database, id, hash, 2)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await unusedRecoveryCodes(database, id)).toBe(1);
    expect(await removeSecondFactor(database, id)).toBe(true);
    expect(await unusedRecoveryCodes(database, id)).toBe(0);
    expect(await findTotp(database, id)).toBeNull();
    expect(await removeSecondFactor(database, id)).toBe(false);
  });

  it("a pending sign-in is used up once", async () => {
    const database = await db();
    const id = await newUser();
    const pid = `pid-${id}`;
    const both = await Promise.all([endPending(database, pid, id, 10), endPending(database, pid, id, 10)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await endPending(database, pid, id, 10)).toBe(false);
  });
});
