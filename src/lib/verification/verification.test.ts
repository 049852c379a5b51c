import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/auth-service";
import { db } from "@/lib/db/database";
import { confirmEmailChange } from "@/lib/email-change/confirm-email-change";
import { requestEmailChange } from "@/lib/email-change/request-email-change";
import { toPublicUser } from "@/lib/users/user";
import { findUserByEmail, findUserById } from "@/lib/users/user-repository";
import { subjectsInOutbox, tokenInOutbox } from "./outbox-links";
import { resendVerification } from "./resend-verification";
import { verifyEmail } from "./verify-email";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts). EMAIL_VERIFICATION: optional.
const PASSWORD = "velvet tractor kiwi orbit lantern";
let n = 0;
const email = (): string => `verify-${++n}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
/** Each test its own address bucket, so the mail throttle of one never meets another's. */
const context = (): { ip: string; userAgent: string; requestId: string } => ({
  ip: `203.0.113.${(n % 250) + 1}`,
  userAgent: "unit test",
  requestId: "unit",
});

async function signedUp(address = email()): Promise<{ id: string; email: string }> {
  const result = await signUp({ email: address, password: PASSWORD, name: null }, context());
  if (!result.ok || result.kind !== "signed-up") throw new Error("sign-up failed");
  return { id: result.user.id, email: address };
}

describe("email verification (issue 12 §2)", { timeout: 30_000 }, () => {
  it("sign-up writes a verification link in its transaction; following it verifies the address, once", async () => {
    const database = await db();
    const user = await signedUp();
    expect((await findUserById(database, user.id))?.emailVerifiedAt).toBeNull();
    expect(await subjectsInOutbox(database, user.email)).toEqual([expect.stringContaining("Confirm your email")]);
    const token = await tokenInOutbox(database, user.email, "/verify-email");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyEmail(token ?? "", context())).toEqual({ ok: true, userId: user.id });
    expect((await findUserById(database, user.id))?.emailVerifiedAt).toEqual(expect.any(Number));
    expect(await verifyEmail(token ?? "", context())).toEqual({ ok: false, code: "invalid_link" });
  });

  it("Resend is throttled per account: three more links at once, then none for a while", async () => {
    const database = await db();
    const user = await signedUp();
    for (let i = 0; i < 5; i += 1) await resendVerification(user.id, context());
    expect(await subjectsInOutbox(database, user.email)).toHaveLength(1 + 3);
  });

  it("Resend sends nothing once the address is verified", async () => {
    const database = await db();
    const user = await signedUp();
    await verifyEmail((await tokenInOutbox(database, user.email, "/verify-email")) ?? "", context());
    await resendVerification(user.id, context());
    expect(await subjectsInOutbox(database, user.email)).toHaveLength(1);
  });

  it("a link sent to an address the account no longer has verifies nothing", async () => {
    const database = await db();
    const user = await signedUp();
    const token = await tokenInOutbox(database, user.email, "/verify-email");
    await database.updateTable("users").set({ email: email() }).where("id", "=", user.id).execute();
    expect(await verifyEmail(token ?? "", context())).toEqual({ ok: false, code: "invalid_link" });
    expect((await findUserById(database, user.id))?.emailVerifiedAt).toBeNull();
  });
});

describe("email change (issue 12 §4)", { timeout: 30_000 }, () => {
  it("sends a link to the new address and a notice to the old; only the link changes the address", async () => {
    const database = await db();
    const user = await signedUp();
    const before = await findUserById(database, user.id);
    const newEmail = email();
    const record = await findUserById(database, user.id);
    if (!record) throw new Error("no user");
    expect(await requestEmailChange(toPublicUser(record), newEmail, context())).toEqual({ ok: true });
    expect((await findUserById(database, user.id))?.email).toBe(user.email);
    expect(await subjectsInOutbox(database, user.email)).toContainEqual(expect.stringContaining("about to change"));
    const token = await tokenInOutbox(database, newEmail, "/confirm-email");
    const confirmed = await confirmEmailChange(token ?? "", context());
    expect(confirmed).toEqual({ ok: true, userId: user.id, sessionVersion: (before?.sessionVersion ?? 0) + 1 });
    const after = await findUserById(database, user.id);
    expect(after).toMatchObject({ email: newEmail, emailVerifiedAt: expect.any(Number) });
    expect(await confirmEmailChange(token ?? "", context())).toEqual({ ok: false, code: "invalid_link" });
  });

  it("an address in use gets no link, its owner a notice, and the caller the same answer", async () => {
    const database = await db();
    const user = await signedUp();
    const other = await signedUp();
    const record = await findUserById(database, user.id);
    if (!record) throw new Error("no user");
    expect(await requestEmailChange(toPublicUser(record), other.email, context())).toEqual({ ok: true });
    expect(await tokenInOutbox(database, other.email, "/confirm-email")).toBeNull();
    expect(await subjectsInOutbox(database, other.email)).toContainEqual(expect.stringContaining("use your address"));
  });

  it("two accounts confirming the same free address at once: one gets it, the other is email_taken", async () => {
    const database = await db();
    const wanted = email();
    const [a, b] = [await signedUp(), await signedUp()];
    const tokens: string[] = [];
    for (const user of [a, b]) {
      const record = await findUserById(database, user.id);
      if (!record) throw new Error("no user");
      await requestEmailChange(toPublicUser(record), wanted, context());
      const rows = await database.selectFrom("mailOutbox").select("textBody").where("recipient", "=", wanted).execute();
      const token = (await tokenInOutbox(database, wanted, "/confirm-email")) ?? "";
      expect(rows.length).toBeGreaterThan(tokens.length);
      tokens.push(token);
    }
    const results = await Promise.all(tokens.map((token) => confirmEmailChange(token, context())));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: "email_taken" }]);
    const owner = await findUserByEmail(database, wanted);
    expect([a.id, b.id]).toContain(owner?.id);
    // The loser's link is used up too.
    const loser = tokens[results.findIndex((result) => !result.ok)] ?? "";
    expect(await confirmEmailChange(loser, context())).toEqual({ ok: false, code: "invalid_link" });
  });

  it("an address taken by sign-up after the request is not taken over when the link is followed", async () => {
    const database = await db();
    const user = await signedUp();
    const wanted = email();
    const record = await findUserById(database, user.id);
    if (!record) throw new Error("no user");
    await requestEmailChange(toPublicUser(record), wanted, context());
    const token = await tokenInOutbox(database, wanted, "/confirm-email");
    const squatter = await signedUp(wanted);
    expect(await confirmEmailChange(token ?? "", context())).toEqual({ ok: false, code: "email_taken" });
    expect((await findUserById(database, user.id))?.email).toBe(user.email);
    expect((await findUserByEmail(database, wanted))?.id).toBe(squatter.id);
  });
});
