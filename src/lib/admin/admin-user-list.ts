import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "@/lib/db/database";
import type { Database } from "@/lib/db/schema";
import { idleCutoff } from "@/lib/devices/device-activity";
import type { SessionLimits } from "@/lib/session/session-data";
import { sessionLimits } from "@/lib/session/session-limits";
import { containsPattern, type UserSearch } from "./user-search";

/** What the admin list shows of a user (R56: nothing more; never the hash or the session version). */
export interface AdminUserView {
  id: string;
  email: string;
  name: string | null;
  createdAt: number;
  lastSignInAt: number | null;
  isAdmin: boolean;
  disabled: boolean;
  /** The user's live sessions, counted as the device list shows them. */
  liveSessions: number;
}

export interface UserPage {
  users: AdminUserView[];
  page: number;
  pageSize: number;
  total: number;
}

type Eb = ExpressionBuilder<Database, "users">;

/** Email or name contains the query, case-insensitively, wildcards taken literally; both engines. */
function matches(eb: Eb, query: string) {
  const pattern = containsPattern(query);
  return eb.or([
    sql<boolean>`lower(${eb.ref("users.email")}) like ${pattern} escape '\\'`,
    sql<boolean>`lower(coalesce(${eb.ref("users.name")}, '')) like ${pattern} escape '\\'`,
  ]);
}

/** Live as the device list counts them (device-store.ts `liveDevices`): current version, not ended, not idle. */
function userRows(db: Db, now: number, limits: SessionLimits) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "createdAt", "lastSignInAt", "isAdmin", "disabledAt"])
    .select((eb) =>
      eb
        .selectFrom("userSessions")
        .select((inner) => inner.fn.countAll().as("n"))
        .whereRef("userSessions.userId", "=", "users.id")
        .whereRef("userSessions.sessionVersion", "=", "users.sessionVersion")
        .where("userSessions.expiresAt", ">", now)
        .where("userSessions.lastActiveAt", ">", idleCutoff(now, limits))
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("endedSessions").select("sid").whereRef("endedSessions.sid", "=", "userSessions.sid"))),
        )
        .as("liveSessions"),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof userRows>["executeTakeFirstOrThrow"]>>;

function toView(row: Row): AdminUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: Number(row.createdAt),
    lastSignInAt: row.lastSignInAt === null ? null : Number(row.lastSignInAt),
    isAdmin: Boolean(row.isAdmin),
    disabled: row.disabledAt !== null,
    liveSessions: Number(row.liveSessions ?? 0),
  };
}

/** One page of users, newest first (ties by id, so pages never overlap), and how many match in all. */
export async function searchUsers(
  db: Db,
  search: UserSearch,
  now = Date.now(),
  limits: SessionLimits = sessionLimits(),
): Promise<UserPage> {
  const { query, page, pageSize } = search;
  const searching = query !== "";
  const rows = await userRows(db, now, limits)
    .$if(searching, (q) => q.where((eb) => matches(eb, query)))
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("total"))
    .$if(searching, (q) => q.where((eb) => matches(eb, query)))
    .executeTakeFirst();
  return { users: rows.map(toView), page, pageSize, total: Number(count?.total ?? 0) };
}

/** One user as the admin list shows it, or null. */
export async function findUserView(db: Db, id: string, now = Date.now()): Promise<AdminUserView | null> {
  const row = await userRows(db, now, sessionLimits()).where("id", "=", id).executeTakeFirst();
  return row ? toView(row) : null;
}
