import type { KyselyPlugin, RootOperationNode } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { admitAttempt } from "@/lib/throttle/throttle-store";
import { createUser, findUserById } from "@/lib/users/user-repository";
import { verifyPassword } from "./password-hash";
import { confirmPasswordReset, resetTokenOwner } from "./password-reset-confirm";
import { type Defer, requestPasswordReset, sendResetLink } from "./password-reset-request";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
const NEW_PASSWORD = "harbor violet quantum meadow";
let n = 0;
const unique = (): string => `${Date.now()}-${++n}`;
const context = (ip = `192.0.2.${n % 250}`) => ({ ip, userAgent: "unit", requestId: "unit" });

async function newUser(): Promise<{ id: string; email: string; sessionVersion: number }> {
  const email = `reset-${unique()}@example.com`;
  const created = await createUser(await db(), { email, name: null, passwordHash: "old-hash" });
  if (!created.ok) throw new Error("setup");
  return created.user;
}

/** The shape of every query the database was sent (table, columns, clauses), with every value blanked. */
function recordingQueries(): { plugin: KyselyPlugin; shapes: string[] } {
  const shapes: string[] = [];
  const blank = (key: string, value: unknown) => (key === "value" || key === "values" ? "?" : value);
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }): RootOperationNode => {
      shapes.push(JSON.stringify(node, blank));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, shapes };
}

async function resetLinkIn(email: string): Promise<string> {
  const row = await (await db())
    .selectFrom("mailOutbox")
    .select("textBody")
    .where("recipient", "=", email)
    .where("subject", "like", "Reset your password%")
    .orderBy("createdAt", "desc")
    .executeTakeFirstOrThrow();
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(row.textBody);
  if (!match?.[1]) throw new Error("no link in the message");
  return match[1];
}

describe("requestPasswordReset: nothing to time (issue 12 §3)", { timeout: 30_000 }, () => {
  /** Runs one request through a recording connection; returns the query shapes and the deferred work. */
  async function observe(email: string, ip: string): Promise<{ shapes: string[]; deferred: (() => Promise<void>)[] }> {
    const { plugin, shapes } = recordingQueries();
    const deferred: (() => Promise<void>)[] = [];
    const defer: Defer = (work) => deferred.push(work);
    await requestPasswordReset((await db()).withPlugin(plugin), email, context(ip), defer);
    return { shapes, deferred };
  }

  it("does the same work before answering for a known and an unknown address", async () => {
    const known = await newUser();
    const unknown = `nobody-${unique()}@example.com`;
    const forKnown = await observe(known.email, "198.51.100.10");
    const forUnknown = await observe(unknown, "198.51.100.11");
    expect(forKnown.shapes.length).toBeGreaterThan(0);
    expect(forUnknown.shapes).toEqual(forKnown.shapes);
    expect(forKnown.deferred).toHaveLength(1);
    expect(forUnknown.deferred).toHaveLength(1);
    // Only after the answer does the difference exist: a link for the account, nothing for the stranger.
    for (const work of [...forKnown.deferred, ...forUnknown.deferred]) await work();
    const outbox = await (await db())
      .selectFrom("mailOutbox")
      .select("recipient")
      .where("recipient", "in", [known.email, unknown])
      .execute();
    expect(outbox.map((row) => row.recipient)).toEqual([known.email]);
  });

  it("throttles per email after 3 links, with the same work for known and unknown, and sends nothing", async () => {
    const known = await newUser();
    const unknown = `nobody-${unique()}@example.com`;
    for (let i = 0; i < 3; i++) {
      for (const work of (await observe(known.email, `203.0.113.${i}`)).deferred) await work();
      for (const work of (await observe(unknown, `203.0.113.${i}`)).deferred) await work();
    }
    const forKnown = await observe(known.email, "203.0.113.20");
    const forUnknown = await observe(unknown, "203.0.113.21");
    expect(forUnknown.shapes).toEqual(forKnown.shapes);
    for (const work of [...forKnown.deferred, ...forUnknown.deferred]) await work();
    const links = await (await db())
      .selectFrom("mailOutbox")
      .select("id")
      .where("recipient", "=", known.email)
      .execute();
    expect(links).toHaveLength(3);
  });

  it("sends no link to a disabled account", async () => {
    const user = await newUser();
    await (await db()).updateTable("users").set({ disabledAt: Date.now() }).where("id", "=", user.id).execute();
    await sendResetLink(await db(), user.email, context());
    const rows = await (await db()).selectFrom("mailOutbox").select("id").where("recipient", "=", user.email).execute();
    expect(rows).toHaveLength(0);
  });
});

describe("confirmPasswordReset", { timeout: 30_000 }, () => {
  it("refuses a weak password and leaves the link usable", async () => {
    const user = await newUser();
    await sendResetLink(await db(), user.email, context());
    const token = await resetLinkIn(user.email);
    expect(await confirmPasswordReset(await db(), token, "password123", context())).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await resetTokenOwner(await db(), token)).toMatchObject({ id: user.id });
  });

  it("sets the password, ends every session, clears the throttle, verifies the address, tells the owner", async () => {
    const user = await newUser();
    const database = await db();
    const policy = {
      ipBurst: 100,
      ipPerMinute: 100,
      accountFreeFailures: 1,
      accountBaseDelayMs: 60_000,
      accountMaxDelayMs: 60_000,
    };
    await admitAttempt(database, { ip: "192.0.2.1", account: user.email }, policy);
    await admitAttempt(database, { ip: "192.0.2.1", account: user.email }, policy);
    expect(await admitAttempt(database, { ip: "192.0.2.1", account: user.email }, policy)).toMatchObject({ ok: false });
    await sendResetLink(database, user.email, context());
    const token = await resetLinkIn(user.email);
    expect(await confirmPasswordReset(database, token, NEW_PASSWORD, context())).toEqual({ ok: true });
    const after = await findUserById(database, user.id);
    expect(after?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(NEW_PASSWORD, after?.passwordHash ?? "")).toBe(true);
    // R40: the owner who proved the address is not kept waiting by the failures before.
    expect(await admitAttempt(database, { ip: "192.0.2.1", account: user.email }, policy)).toEqual({ ok: true });
    const row = await database
      .selectFrom("users")
      .select("emailVerifiedAt")
      .where("id", "=", user.id)
      .executeTakeFirst();
    expect(row?.emailVerifiedAt).not.toBeNull();
    const notice = await database
      .selectFrom("mailOutbox")
      .select("subject")
      .where("recipient", "=", user.email)
      .where("subject", "like", "Your password was changed%")
      .execute();
    expect(notice).toHaveLength(1);
    // Single-use.
    expect(await confirmPasswordReset(database, token, `${NEW_PASSWORD} again`, context())).toEqual({
      ok: false,
      code: "invalid_token",
    });
  });

  it("accepts only the newest link", async () => {
    const user = await newUser();
    await sendResetLink(await db(), user.email, context());
    const older = await resetLinkIn(user.email);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await sendResetLink(await db(), user.email, context());
    const newer = await resetLinkIn(user.email);
    expect(newer).not.toBe(older);
    expect(await confirmPasswordReset(await db(), older, NEW_PASSWORD, context())).toMatchObject({
      code: "invalid_token",
    });
    expect(await confirmPasswordReset(await db(), newer, NEW_PASSWORD, context())).toEqual({ ok: true });
  });

  it("of two confirms racing with one link, exactly one sets its password", async () => {
    const user = await newUser();
    await sendResetLink(await db(), user.email, context());
    const token = await resetLinkIn(user.email);
    const results = await Promise.all([
      confirmPasswordReset(await db(), token, NEW_PASSWORD, context()),
      confirmPasswordReset(await db(), token, "copper glacier whistle banjo", context()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const after = await findUserById(await db(), user.id);
    expect(after?.sessionVersion).toBe(user.sessionVersion + 1);
  });
});
