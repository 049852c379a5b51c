import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { newSessionData } from "@/lib/session/session-data";
import { bumpSessionVersion, recordEndedSession } from "@/lib/session/session-store";
import { deleteUser, setUserDisabled } from "@/lib/users/user-admin";
import { createUser } from "@/lib/users/user-repository";
import { keepDevice, liveDevices, purgeDevices, purgeDevicesHourly, recordDevice, touchDevice } from "./device-store";

const limits = { idleMs: 60_000, maxAgeMs: 600_000 };
let n = 0;

async function newUser() {
  const created = await createUser(await db(), {
    email: `devices-${++n}-${Date.now()}@example.com`,
    name: null,
    passwordHash: "$argon2id$unused",
  });
  if (!created.ok) throw new Error("could not create a user");
  return created.user;
}

async function signIn(user: { id: string; sessionVersion: number }, at: number, version = user.sessionVersion) {
  const data = newSessionData({ id: user.id, sessionVersion: version }, at);
  await recordDevice(await db(), {
    sid: data.sid,
    userId: user.id,
    createdAt: at,
    expiresAt: at + limits.maxAgeMs,
    ipAddress: "203.0.113.9",
    device: "Chrome on Linux",
    sessionVersion: version,
  });
  return data.sid;
}

async function liveSids(userId: string, now: number): Promise<string[]> {
  return (await liveDevices(await db(), userId, now, limits)).map((row) => row.sid);
}

describe("device rows (issue 11 §1)", () => {
  it("lists a user's live sessions newest first, and only that user's", async () => {
    const [user, other] = [await newUser(), await newUser()];
    const now = Date.now();
    const older = await signIn(user, now - 2_000);
    const newer = await signIn(user, now - 1_000);
    await signIn(other, now);
    expect(await liveSids(user.id, now)).toEqual([newer, older]);
    const [row] = await liveDevices(await db(), user.id, now, limits);
    expect(row).toMatchObject({ createdAt: now - 1_000, lastActiveAt: now - 1_000, ipAddress: "203.0.113.9" });
  });

  it("drops ended, expired and idle sessions from the list", async () => {
    const user = await newUser();
    const now = Date.now();
    const ended = await signIn(user, now);
    const live = await signIn(user, now - 1);
    await recordEndedSession(await db(), ended, user.id, now + limits.maxAgeMs);
    expect(await liveSids(user.id, now)).toEqual([live]);
    // Past the absolute limit.
    expect(await liveSids(user.id, now + limits.maxAgeMs)).toEqual([]);
    // Idle beyond what the stored value's lag could explain; activity brings it back.
    const later = now + 2 * limits.idleMs;
    expect(await liveSids(user.id, later)).toEqual([]);
    await touchDevice(await db(), live, later - 1_000);
    expect(await liveSids(user.id, later)).toEqual([live]);
  });

  it("never moves lastActiveAt back", async () => {
    const user = await newUser();
    const now = Date.now();
    const sid = await signIn(user, now);
    await touchDevice(await db(), sid, now + 5_000);
    await touchDevice(await db(), sid, now + 1_000);
    const [row] = await liveDevices(await db(), user.id, now + 5_000, limits);
    expect(row?.lastActiveAt).toBe(now + 5_000);
  });

  it("a sessionVersion bump ends every row but the one kept", async () => {
    const user = await newUser();
    const now = Date.now();
    const kept = await signIn(user, now);
    await signIn(user, now - 1);
    const version = await bumpSessionVersion(await db(), user.id);
    expect(await liveSids(user.id, now)).toEqual([]);
    await keepDevice(await db(), user.id, kept, version);
    expect(await liveSids(user.id, now)).toEqual([kept]);
    // Another user cannot move a row that is not theirs.
    const stranger = await newUser();
    const theirs = await signIn(stranger, now);
    await bumpSessionVersion(await db(), stranger.id);
    await keepDevice(await db(), user.id, theirs, version + 1);
    expect(await liveSids(stranger.id, now)).toEqual([]);
  });

  it("purges the rows of sessions that can never be used again", async () => {
    const user = await newUser();
    const now = Date.now();
    const live = await signIn(user, now);
    const bumped = await signIn(user, now, user.sessionVersion - 1);
    const expired = await signIn(user, now - limits.maxAgeMs);
    await purgeDevices(await db(), now, limits);
    const left = await (await db())
      .selectFrom("userSessions")
      .select("sid")
      .where("sid", "in", [live, bumped, expired])
      .execute();
    expect(left.map((row) => row.sid)).toEqual([live]);
  });
});

describe("the hourly purge", () => {
  it("runs at most once an hour per instance", async () => {
    const user = await newUser();
    const now = Date.now() + 10 * 3_600_000;
    await signIn(user, now - limits.maxAgeMs);
    expect(await purgeDevicesHourly(await db(), now, limits)).toBeGreaterThanOrEqual(1);
    await signIn(user, now - limits.maxAgeMs);
    expect(await purgeDevicesHourly(await db(), now + 1_000, limits)).toBe(0);
    expect(await purgeDevicesHourly(await db(), now + 3_600_000, limits)).toBeGreaterThanOrEqual(1);
  });
});

describe("an admin's disable and delete (issue 11 §4)", () => {
  it("disabling a user ends every device row; deleting one removes them", async () => {
    const [disabled, deleted] = [await newUser(), await newUser()];
    const now = Date.now();
    await signIn(disabled, now);
    const gone = await signIn(deleted, now);
    expect(await setUserDisabled(await db(), disabled.id, true, now)).toEqual({ ok: true });
    expect(await liveSids(disabled.id, now)).toEqual([]);
    expect(await deleteUser(await db(), deleted.id)).toEqual({ ok: true });
    const left = await (await db()).selectFrom("userSessions").select("sid").where("sid", "=", gone).execute();
    expect(left).toEqual([]);
  });
});
