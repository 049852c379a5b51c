import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { createUser, findUserForSession } from "@/lib/users/user-repository";
import { checkSession } from "./check-session";
import { newSessionData } from "./session-data";
import { bumpSessionVersion, purgeEndedSessions, recordEndedSession } from "./session-store";

const limits = { idleMs: 60_000, maxAgeMs: 600_000 };
let n = 0;

async function newUser() {
  const created = await createUser(await db(), {
    email: `store-${++n}-${Date.now()}@example.com`,
    name: null,
    passwordHash: "$argon2id$unused",
  });
  if (!created.ok) throw new Error("could not create a user");
  return created.user;
}

describe("checkSession and the session store (R15, decision 5)", () => {
  it("says why a session is not usable", async () => {
    const user = await newUser();
    const now = Date.now();
    const data = newSessionData(user, now);
    expect(await checkSession(data, now, limits)).toMatchObject({ status: "active", user: { id: user.id } });
    expect(await checkSession({}, now, limits)).toMatchObject({ status: "signed-out", reason: "none" });
    expect(await checkSession(data, now + 60_000, limits)).toMatchObject({ reason: "expired" });
    expect(await checkSession(data, now + 600_000, limits)).toMatchObject({ reason: "ended" });
    expect(await checkSession({ ...data, uid: "nobody" }, now, limits)).toMatchObject({ reason: "removed" });
  });

  it("refuses an ended session id and a stale sessionVersion", async () => {
    const user = await newUser();
    const database = await db();
    const now = Date.now();
    const ended = newSessionData(user, now);
    const other = newSessionData(user, now);
    await recordEndedSession(database, ended.sid, user.id, now + 600_000);
    await recordEndedSession(database, ended.sid, user.id, now + 600_000); // idempotent
    expect(await checkSession(ended, now, limits)).toMatchObject({ reason: "revoked" });
    expect(await checkSession(other, now, limits)).toMatchObject({ status: "active" });
    expect(await bumpSessionVersion(database, user.id)).toBe(2);
    expect(await checkSession(other, now, limits)).toMatchObject({ reason: "revoked" });
    expect(await checkSession({ ...other, ver: 2 }, now, limits)).toMatchObject({ status: "active" });
  });

  it("records nothing for a user who is gone, and purges records once their seals have expired", async () => {
    const user = await newUser();
    const database = await db();
    await recordEndedSession(database, "sid-of-nobody-000000", "no-such-user", Date.now() + 1000);
    const soon = newSessionData(user).sid;
    const later = newSessionData(user).sid;
    await recordEndedSession(database, soon, user.id, 1_000);
    await recordEndedSession(database, later, user.id, Date.now() + 600_000);
    expect(await purgeEndedSessions(database, Date.now())).toBeGreaterThanOrEqual(1);
    expect((await findUserForSession(database, user.id, soon))?.ended).toBe(false);
    expect((await findUserForSession(database, user.id, later))?.ended).toBe(true);
  });
});
