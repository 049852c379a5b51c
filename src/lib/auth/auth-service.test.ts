import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { setUserDisabled } from "@/lib/users/user-admin";
import { findUserByEmail, replacePasswordHash } from "@/lib/users/user-repository";
import { signIn, signUp } from "./auth-service";
import { hashPool } from "./hash-pool";
import { hashPassword, parseHash } from "./password-hash";
import { throttledAndAudited } from "./throttled";

const PASSWORD = "velvet tractor kiwi orbit lantern";
const context = { ip: "203.0.113.7", userAgent: "unit test", requestId: "unit" };
let n = 0;
const email = (): string => `auth-${++n}-${Date.now()}@example.com`;

/** How many argon2 hashes `action` computed. */
async function hashesDuring(action: () => Promise<unknown>): Promise<number> {
  const before = hashPool().stats().completed;
  await action();
  return hashPool().stats().completed - before;
}

describe("signUp", () => {
  it("stores a normalised email, the name and an argon2id hash, never the password", async () => {
    const address = email();
    const result = await signUp({ email: address, password: PASSWORD, name: "Ada" }, context);
    expect(result.ok).toBe(true);
    const stored = await findUserByEmail(await db(), address);
    expect(stored).toMatchObject({ email: address, name: "Ada", isAdmin: false, sessionVersion: 1 });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a guessable password with the reason, before hashing", async () => {
    let result: Awaited<ReturnType<typeof signUp>> | undefined;
    const hashes = await hashesDuring(async () => {
      result = await signUp({ email: email(), password: "passwordpassword", name: null }, context);
    });
    expect(result).toMatchObject({ ok: false, code: "weak_password" });
    expect(hashes).toBe(0);
  });

  it("lets the unique index decide: of two racing sign-ups exactly one wins (section C.2)", async () => {
    const address = email();
    const results = await Promise.all([
      signUp({ email: address, password: PASSWORD, name: null }, context),
      signUp({ email: address, password: PASSWORD, name: null }, context),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "email_taken" });
  });
});

describe("signIn", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const address = email();
    await signUp({ email: address, password: PASSWORD, name: null }, context);
    expect(await signIn({ email: address, password: PASSWORD }, context)).toMatchObject({ ok: true });
    expect(await signIn({ email: address, password: `${PASSWORD}!` }, context)).toEqual({
      ok: false,
      code: "invalid_credentials",
    });
  });

  it("computes exactly one hash for an unknown email and for a wrong password (R43, decision 6)", async () => {
    const address = email();
    await signUp({ email: address, password: PASSWORD, name: null }, context);
    expect(await hashesDuring(() => signIn({ email: `nobody-${address}`, password: PASSWORD }, context))).toBe(1);
    expect(await hashesDuring(() => signIn({ email: address, password: "wrong password here" }, context))).toBe(1);
    expect(await hashesDuring(() => signIn({ email: address, password: PASSWORD }, context))).toBe(1);
  });

  it("upgrades a hash made with weaker parameters on the next sign-in (R36)", async () => {
    const address = email();
    await signUp({ email: address, password: PASSWORD, name: null }, context);
    const database = await db();
    const user = await findUserByEmail(database, address);
    await replacePasswordHash(database, {
      id: user?.id ?? "",
      expected: user?.passwordHash ?? "",
      next: await hashPassword(PASSWORD, { memory: 9216, passes: 4, parallelism: 1 }),
      endSessions: false,
    });
    expect(await signIn({ email: address, password: PASSWORD }, context)).toMatchObject({ ok: true });
    const upgraded = await findUserByEmail(database, address);
    expect(parseHash(upgraded?.passwordHash ?? "")).toMatchObject({ memory: 19456, passes: 2, parallelism: 1 });
    expect(await signIn({ email: address, password: PASSWORD }, context)).toMatchObject({ ok: true });
  });

  it("refuses a disabled account exactly like a wrong password, after the same one hash (issue 11)", async () => {
    const address = email();
    await signUp({ email: address, password: PASSWORD, name: null }, context);
    const user = await findUserByEmail(await db(), address);
    expect(await setUserDisabled(await db(), user?.id ?? "", true)).toEqual({ ok: true });
    let result: Awaited<ReturnType<typeof signIn>> | undefined;
    const hashes = await hashesDuring(async () => {
      result = await signIn({ email: address, password: PASSWORD }, context);
    });
    expect(result).toEqual({ ok: false, code: "invalid_credentials" });
    expect(hashes).toBe(1);
    expect(await setUserDisabled(await db(), user?.id ?? "", false)).toEqual({ ok: true });
    expect(await signIn({ email: address, password: PASSWORD }, context)).toMatchObject({ ok: true });
  });
});

describe("throttledAndAudited", () => {
  it("answers throttled with the wait and records one blocked event with the action, scope and user", async () => {
    const ip = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${(n++).toString(16)}::1`;
    const here = { ip, userAgent: "unit test", requestId: "unit" };
    const address = email();
    const created = await signUp({ email: address, password: PASSWORD, name: null }, context);
    if (!created.ok || created.kind !== "signed-up") throw new Error("sign-up failed");
    const verdict = { scope: "account", retryAfterSeconds: 7 } as const;
    // Both calls in one minute, whatever the machine's speed (the id has a minute in it).
    const now = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
    expect(await throttledAndAudited(verdict, "step-up", here, created.user.id, now)).toEqual({
      ok: false,
      code: "throttled",
      retryAfterSeconds: 7,
    });
    // Once a minute per address: a flood adds nothing.
    await throttledAndAudited(verdict, "step-up", here, created.user.id, now + 30_000);
    const rows = await (await db())
      .selectFrom("authEvents")
      .select(["event", "outcome", "userId", "detail"])
      .where("userId", "=", created.user.id)
      .where("event", "=", "throttled")
      .execute();
    expect(rows).toEqual([
      { event: "throttled", outcome: "blocked", userId: created.user.id, detail: "step-up, per account" },
    ]);
  });
});
