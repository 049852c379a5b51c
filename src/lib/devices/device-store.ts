import type { Db } from "@/lib/db/database";
import { isForeignKeyViolation } from "@/lib/db/errors";
import type { SessionLimits } from "@/lib/session/session-data";
import { idleCutoff } from "./device-activity";

/** One device as stored: the raw `sid` never leaves the server (see `public-id.ts`). */
export interface DeviceRow {
  sid: string;
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
  ipAddress: string | null;
  device: string;
  /** The session's `amr`, space-separated (issue 13); null for older rows. */
  amr: string | null;
}

export interface NewDevice {
  sid: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  ipAddress: string | null;
  device: string;
  /** The `sessionVersion` the new seal carries. */
  sessionVersion: number;
  amr?: string;
}

/** Records a sign-in's device; nothing when the user is already gone (its sessions ended with it, R16). */
export async function recordDevice(db: Db, row: NewDevice): Promise<void> {
  await db
    .insertInto("userSessions")
    .values({ ...row, lastActiveAt: row.createdAt })
    .onConflict((conflict) => conflict.column("sid").doNothing())
    .execute()
    .catch((error: unknown) => {
      if (!isForeignKeyViolation(error)) throw error;
    });
}

/** Moves `lastActiveAt` forward to `seenAt`, never back (requests carrying an older seal may arrive late). */
export async function touchDevice(db: Db, sid: string, seenAt: number): Promise<void> {
  await db
    .updateTable("userSessions")
    .set({ lastActiveAt: seenAt })
    .where("sid", "=", sid)
    .where("lastActiveAt", "<", seenAt)
    .execute();
}

/** The session kept through a bump stays live: its row moves to the new version with its re-sealed cookie. */
export async function keepDevice(db: Db, userId: string, sid: string, version: number): Promise<void> {
  await db
    .updateTable("userSessions")
    .set({ sessionVersion: version })
    .where("sid", "=", sid)
    .where("userId", "=", userId)
    .execute();
}

/**
 * The user's live devices, newest first: inside the absolute limit, not provably past the idle limit, at the
 * user's current `sessionVersion` (a bump ends the older rows), and not signed out.
 */
export async function liveDevices(db: Db, userId: string, now: number, limits: SessionLimits): Promise<DeviceRow[]> {
  return db
    .selectFrom("userSessions")
    .innerJoin("users", "users.id", "userSessions.userId")
    .select([
      "userSessions.sid",
      "userSessions.createdAt",
      "userSessions.lastActiveAt",
      "userSessions.expiresAt",
      "userSessions.ipAddress",
      "userSessions.device",
      "userSessions.amr",
    ])
    .where("userSessions.userId", "=", userId)
    .whereRef("userSessions.sessionVersion", "=", "users.sessionVersion")
    .where("userSessions.expiresAt", ">", now)
    .where("userSessions.lastActiveAt", ">", idleCutoff(now, limits))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("endedSessions").select("sid").whereRef("endedSessions.sid", "=", "userSessions.sid"))),
    )
    .orderBy("userSessions.createdAt", "desc")
    .orderBy("userSessions.sid")
    .execute();
}

/** Drops the rows of sessions that can never be used again: ended, expired, idle for sure, or bumped. */
export async function purgeDevices(db: Db, now: number, limits: SessionLimits): Promise<number> {
  const result = await db
    .deleteFrom("userSessions")
    .where((eb) =>
      eb.or([
        eb("expiresAt", "<=", now),
        eb("lastActiveAt", "<=", idleCutoff(now, limits)),
        eb(
          "sessionVersion",
          "<",
          eb.selectFrom("users").select("users.sessionVersion").whereRef("users.id", "=", "userSessions.userId"),
        ),
        eb.exists(eb.selectFrom("endedSessions").select("sid").whereRef("endedSessions.sid", "=", "userSessions.sid")),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const PURGE_EVERY_MS = 3_600_000;
const purged = globalThis as typeof globalThis & { __ironGateDevicesPurgedAt?: number };

/**
 * `purgeDevices` at most once an hour per instance (it scans the table), from the sign-out path that purges the
 * ended-session records. Returns how many rows went (0 when it was not due).
 */
export async function purgeDevicesHourly(db: Db, now: number, limits: SessionLimits): Promise<number> {
  if (now - (purged.__ironGateDevicesPurgedAt ?? 0) < PURGE_EVERY_MS) return 0;
  purged.__ironGateDevicesPurgedAt = now;
  return purgeDevices(db, now, limits);
}
