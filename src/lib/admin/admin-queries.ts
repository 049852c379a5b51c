import { reader } from "@/lib/db/database";
import type { ActiveSession } from "@/lib/session/check-session";
import { type AdminGuardRefusal, requireAdmin } from "./admin-guard";
import { searchUsers, type UserPage } from "./admin-user-list";
import type { UserSearch } from "./user-search";

export type AdminList = { ok: true; page: UserPage } | AdminGuardRefusal;

/** The admin user list, for admins only (checked here, against the database). */
export async function listUsersAsAdmin(session: ActiveSession, search: UserSearch): Promise<AdminList> {
  const check = await requireAdmin(session);
  if (!check.ok) return check;
  return { ok: true, page: await searchUsers(await reader(), search) };
}
